package io.loopguard.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Category;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.format.Frame;
import io.loopguard.format.JvmInfo;
import io.loopguard.report.ReportFiles;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.Checker;
import io.loopguard.report.check.Rules;
import io.loopguard.report.html.HtmlReport;
import io.loopguard.report.junit.JUnitXmlWriter;
import io.loopguard.report.model.InputFiles;
import io.loopguard.report.model.LoadResult;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Merger;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.sarif.SarifWriter;

/**
 * Report generation at 10 000 call sites, per format. Same input as the reports module's own harness
 * ({@code reports/BENCHMARK.md}): 40-frame stacks over 8 data files of 1 375 sites (10 % shared with a neighbour).
 * Rounds 1.. are timed after a warm-up round; each step is timed on its own.
 *
 * <p>{@code java -cp benchmarks.jar io.loopguard.bench.ReportGen WORK_DIR OUT.md [ROUNDS]}
 */
public final class ReportGen {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private ReportGen() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path outMd = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        Files.createDirectories(in);
        generate(in, 8, 10_000, 40);
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String step : new String[] {"read + validate 8 files", "merge + check", "JSON (merged data file)", "SARIF",
                "JUnit XML", "HTML", "all formats (sum)"}) {
            times.put(step, new double[rounds]);
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (int r = -1; r < rounds; r++) { // round -1 warms the JIT up
            long t0 = System.nanoTime();
            LoadResult loaded = InputFiles.load(List.of(in));
            long t1 = System.nanoTime();
            MergedReport report = Merger.merge(loaded);
            CheckResult check = Checker.check(report, Rules.strict(), null);
            long t2 = System.nanoTime();
            Files.createDirectories(out);
            DataFileWriter.writeAtomically(report.toDataFile(), out.resolve(ReportFiles.JSON));
            long t3 = System.nanoTime();
            ReportFiles.write(out.resolve(ReportFiles.SARIF), w -> SarifWriter.write(report, check, SourcePaths.none(), "bench", w));
            long t4 = System.nanoTime();
            ReportFiles.write(out.resolve(ReportFiles.JUNIT), w -> JUnitXmlWriter.write(report, check, SourcePaths.none(), w));
            long t5 = System.nanoTime();
            HtmlReport.write(report, out.resolve(ReportFiles.HTML));
            long t6 = System.nanoTime();
            if (r >= 0) {
                long[] marks = {t0, t1, t2, t3, t4, t5, t6};
                int i = 0;
                for (double[] step : times.values()) {
                    if (i < 6) {
                        step[r] = (marks[i + 1] - marks[i]) / 1e6;
                    } else {
                        step[r] = (t6 - t2) / 1e6;
                    }
                    i++;
                }
            }
            if (r == -1) {
                sizes.put("JSON (merged data file)", Files.size(out.resolve(ReportFiles.JSON)));
                sizes.put("SARIF", Files.size(out.resolve(ReportFiles.SARIF)));
                sizes.put("JUnit XML", Files.size(out.resolve(ReportFiles.JUNIT)));
                sizes.put("HTML", Files.size(out.resolve(ReportFiles.HTML)));
                System.out.println("report: " + report.callSites().size() + " merged sites");
            }
        }
        try (PrintStream md = new PrintStream(Files.newOutputStream(outMd), true, "UTF-8")) {
            md.println("| step (10 000 sites, 40-frame stacks, 8 files) | ms, median (min–max) of " + rounds + " warm rounds | output size |");
            md.println("|---|---|---|");
            for (Map.Entry<String, double[]> step : times.entrySet()) {
                Long size = sizes.get(step.getKey());
                md.println("| " + step.getKey() + " | " + Md.medianRange(step.getValue()) + " | "
                        + (size == null ? "" : Md.num(size / 1e6) + " MB") + " |");
            }
            md.println();
        }
    }

    /** {@code sites} call sites split over {@code files} JVMs; each JVM also repeats 10 % of its neighbour's sites. */
    static void generate(Path dir, int files, int sites, int depth) throws Exception {
        Random random = new Random(42);
        Category[] categories = Category.values();
        List<Frame> framework = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            framework.add(new Frame("io.netty.channel.Handler" + i, "channelRead", "Handler" + i + ".java", 100 + i));
        }
        List<CallSite> all = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            List<Frame> stack = new ArrayList<>(depth);
            stack.add(new Frame("java.io.FileInputStream", "readBytes", "FileInputStream.java", 276));
            for (int d = 1; d < depth; d++) {
                if (d % 3 == 0) {
                    stack.add(new Frame("demo.service.Service" + random.nextInt(400), "step" + random.nextInt(20),
                            "Service.java", random.nextInt(500)));
                } else {
                    stack.add(framework.get(random.nextInt(framework.size())));
                }
            }
            Category category = categories[s % categories.length];
            String method = "java.api." + category.id() + ".Blocking.call";
            long count = 1 + random.nextInt(1000);
            long total = count * (1000 + random.nextInt(5_000_000));
            all.add(new CallSite(CallSiteId.of(category.id(), method, stack), category.id(), method,
                    "detail-" + s, List.of("vert.x-eventloop-thread-" + s % 8), count, total, total / count / 2,
                    total / count * 2, T0, T0.plusSeconds(5), stack));
        }
        int per = sites / files;
        for (int f = 0; f < files; f++) {
            List<CallSite> own = new ArrayList<>(all.subList(f * per, (f + 1) * per));
            own.addAll(all.subList(((f + 1) % files) * per, ((f + 1) % files) * per + per / 10));
            JvmInfo jvm = new JvmInfo(1000 + f, "17.0.15", "demo.Main --drive", T0, T0.plusSeconds(9));
            DataFileWriter.writeAtomically(new DataFile(DataFile.FORMAT, jvm, own, 0, List.of()),
                    dir.resolve("loopguard-" + (1000 + f) + ".json"));
        }
    }
}
