package io.loopguard.report;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Category;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.format.Frame;
import io.loopguard.report.check.Checker;
import io.loopguard.report.check.Rules;
import io.loopguard.report.model.InputFiles;
import io.loopguard.report.model.LoadResult;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Merger;
import io.loopguard.report.model.SourcePaths;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Not a test: 10 000 call sites with 40-frame stacks in 8 data files → all report formats, then the HTML in headless
 * Chromium. Options: {@code --rounds N} (default 5), {@code --reuse} (keep existing data files), {@code --no-browser}.
 * Run (see BENCHMARK.md):
 * {@code mvn -B -q -f reports/pom.xml test-compile exec:java -Dexec.mainClass=io.loopguard.report.ReportBenchmark -Dexec.classpathScope=test}
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // exec:java runs in the directory Maven was started from: the repository root or reports/.
        Path dir = (Files.exists(Path.of("reports", "pom.xml")) ? Path.of("reports", "target", "benchmark")
                : Path.of("target", "benchmark")).toAbsolutePath();
        Files.createDirectories(dir);
        List<String> options = List.of(args);
        if (!options.contains("--reuse") || InputFiles.dataFilesIn(dir).size() != 8) {
            generate(dir, 8, 10_000, 40);
        }
        int rounds = options.contains("--rounds") ? Integer.parseInt(options.get(options.indexOf("--rounds") + 1)) : 5;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) { // the first rounds warm the JIT up
            long t0 = System.nanoTime();
            LoadResult loaded = InputFiles.load(List.of(dir));
            long t1 = System.nanoTime();
            MergedReport report = Merger.merge(loaded);
            Path html = ReportFiles.writeAll(report, Checker.check(report, Rules.strict(), null), SourcePaths.none(),
                    "bench", dir.resolve("out"));
            long t2 = System.nanoTime();
            best = Math.min(best, t2 - t0);
            System.out.printf("round %d: read 8 files %d ms, merge + write HTML/JSON/SARIF/JUnit %d ms, total %d ms"
                    + " (%d sites; index.html %d KB)%n", i, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t2 - t0) / 1_000_000, report.callSites().size(), Files.size(html) / 1024);
        }
        System.out.printf("best round: %d ms%n", best / 1_000_000);
        if (!options.contains("--no-browser")) {
            browser(dir.resolve("out").resolve("index.html"));
        }
    }

    /** {@code sites} call sites split over {@code files} JVMs; each JVM also repeats 10% of its neighbour's sites. */
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
                    total / count * 2, Fixtures.T0, Fixtures.T0.plusSeconds(5), stack));
        }
        int per = sites / files;
        for (int f = 0; f < files; f++) {
            List<CallSite> own = new ArrayList<>(all.subList(f * per, (f + 1) * per));
            own.addAll(all.subList(((f + 1) % files) * per, ((f + 1) % files) * per + per / 10));
            DataFileWriter.writeAtomically(new DataFile(DataFile.FORMAT, Fixtures.jvm(1000 + f), own, 0, List.of()),
                    dir.resolve("loopguard-" + (1000 + f) + ".json"));
        }
    }

    static void browser(Path html) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("lg-bench-"));
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                driver.get(html.toUri().toString());
                // driver.get returns after the load event: the inline script (parse, table, flame graph) has run.
                Object ready = ((JavascriptExecutor) driver).executeScript("return document.body.dataset.ready");
                long t1 = System.nanoTime();
                driver.findElement(By.cssSelector("th[data-key=count]")).click();
                driver.findElement(By.cssSelector("#sites tbody tr button.toggle")).click();
                long t2 = System.nanoTime();
                Object nav = ((JavascriptExecutor) driver).executeScript(
                        "var n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd);");
                System.out.printf("browser round %d: loaded and rendered %d ms (ready=%s, loadEventEnd %s ms in page), "
                        + "sort + expand %d ms%n", i, (t1 - t0) / 1_000_000, ready, nav, (t2 - t1) / 1_000_000);
            }
        } finally {
            driver.quit();
        }
    }
}
