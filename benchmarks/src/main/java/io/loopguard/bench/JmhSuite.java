package io.loopguard.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH parts (per-call overhead under no agent / loopguard / BlockHound, recording cost under loopguard) and
 * writes their markdown tables.
 *
 * <p>{@code java -cp benchmarks.jar io.loopguard.bench.JmhSuite LOOPGUARD_JAR BLOCKHOUND_JAR WORK_DIR OUT.md [quick]}
 */
public final class JmhSuite {
    private static final int NEW_SITE_BATCH = 2000;

    private final boolean quick;
    private final Path work;

    private JmhSuite(boolean quick, Path work) {
        this.quick = quick;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path loopguard = Path.of(args[0]).toAbsolutePath();
        Path blockhound = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        Path out = Path.of(args[3]);
        boolean quick = args.length > 4 && args[4].equals("quick");
        String only = args.length > 5 ? args[5] : "all";
        Files.createDirectories(work);
        JmhSuite suite = new JmhSuite(quick, work);
        try (PrintStream md = new PrintStream(Files.newOutputStream(out), true, "UTF-8")) {
            if (only.equals("all") || only.equals("percall")) {
                suite.perCall(md, loopguard, blockhound);
            }
            if (only.equals("all") || only.equals("recording")) {
                suite.recording(md, loopguard);
            }
            if (only.equals("all") || only.equals("bracket")) {
                suite.bracket(md, loopguard);
            }
        }
    }

    private void perCall(PrintStream md, Path loopguard, Path blockhound) throws Exception {
        Map<String, String[]> configs = new LinkedHashMap<>();
        configs.put("no agent", new String[0]);
        configs.put("loopguard", new String[] {"-javaagent:" + loopguard + "=output=" + work.resolve("lg-percall")});
        configs.put("BlockHound", new String[] {"-XX:+AllowRedefinitionToAddDeleteMethods", "-javaagent:" + blockhound});
        Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> config : configs.entrySet()) {
            ChainedOptionsBuilder options = base(PerCallBenchmark.class.getName() + "\\.")
                    .jvmArgsAppend(config.getValue());
            scores.put(config.getKey(), iterationScores(new Runner(options.build()).run(), 1));
        }
        md.println("| API (non-registered thread), ns/op | no agent | loopguard | BlockHound | loopguard added | BlockHound added |");
        md.println("|---|---|---|---|---|---|");
        for (String bench : scores.get("no agent").keySet()) {
            double[] none = scores.get("no agent").get(bench);
            double[] lg = scores.get("loopguard").get(bench);
            double[] bh = scores.get("BlockHound").get(bench);
            md.println("| `" + bench + "` | " + Md.medianRange(none) + " | " + Md.medianRange(lg) + " | " + Md.medianRange(bh)
                    + " | " + Md.signed(Md.median(lg) - Md.median(none)) + " | " + Md.signed(Md.median(bh) - Md.median(none)) + " |");
        }
        md.println();
    }

    private void recording(PrintStream md, Path loopguard) throws RunnerException {
        String agent = "-javaagent:" + loopguard + "=output=" + work.resolve("lg-recording") + ",report=none,maxSites=1000000";
        ChainedOptionsBuilder repeated = base(RecordingBenchmark.class.getName() + "\\.repeated")
                .jvmArgsAppend(agent);
        Map<String, double[]> scores = new LinkedHashMap<>(iterationScores(new Runner(repeated.build()).run(), 1));
        ChainedOptionsBuilder fresh = base(RecordingBenchmark.class.getName() + "\\.new")
                .jvmArgsAppend(agent, "-Xmx2g")
                .warmupBatchSize(NEW_SITE_BATCH).measurementBatchSize(NEW_SITE_BATCH)
                .warmupIterations(quick ? 1 : 3).measurementIterations(quick ? 2 : 5);
        scores.putAll(iterationScores(new Runner(fresh.build()).run(), NEW_SITE_BATCH));
        md.println("| call on a registered thread, µs/call (loopguard, maxSites=1000000) | registered | not registered | recording adds |");
        md.println("|---|---|---|---|");
        for (String bench : new String[] {"repeatedShallow", "repeatedDeep", "newShallow", "newDeep"}) {
            double[] yes = scores.get(bench + " registered=true");
            double[] no = scores.get(bench + " registered=false");
            if (yes == null || no == null) {
                continue;
            }
            md.println("| `" + bench + "` | " + Md.medianRange(yes) + " | " + Md.medianRange(no) + " | "
                    + Md.signed(Md.median(yes) - Md.median(no)) + " |");
        }
        md.println();
        production(md, loopguard);
    }

    /**
     * The production profile's repeated-site path (issue 15's bar: at most 1 µs a call on JDK 17), beside its floor in
     * the same kind of fork: the VM's stack walk alone at the depth where the runtime takes it, which no per-call
     * site key can avoid and which moves with the machine's memory (bench/results.md, issue 15's parts).
     */
    private void production(PrintStream md, Path loopguard) throws RunnerException {
        String agent = "-javaagent:" + loopguard + "=output=" + work.resolve("lg-production") + ",profile=production,threshold=0";
        Map<String, double[]> scores = iterationScores(new Runner(
                base(RecordingBenchmark.class.getName() + "\\.(repeatedShallow|walkFloorShallow)")
                        .jvmArgsAppend(agent).build()).run(), 1);
        double[] yes = scores.get("repeatedShallow registered=true");
        double[] no = scores.get("repeatedShallow registered=false");
        double[] floor = scores.get("walkFloorShallow registered=false");
        md.println("| repeated site, `profile=production,threshold=0`, µs/call | registered | not registered | recording adds"
                + " | the VM's stack walk alone (`walkFloorShallow`) |");
        md.println("|---|---|---|---|---|");
        md.println("| `repeatedShallow` | " + Md.medianRange(yes) + " | " + Md.medianRange(no) + " | "
                + Md.signed(Md.median(yes) - Md.median(no)) + " | " + Md.medianRange(floor) + " |");
        md.println();
    }

    /** The busy/idle bracket around a loop's idle wait: one loop iteration, registered or not, and without agent. */
    private void bracket(PrintStream md, Path loopguard) throws RunnerException {
        String agent = "-javaagent:" + loopguard + "=output=" + work.resolve("lg-bracket") + ",report=none";
        Map<String, double[]> with = iterationScores(new Runner(base(BracketBenchmark.class.getName() + "\\.")
                .jvmArgsAppend(agent).build()).run(), 1);
        Map<String, double[]> without = iterationScores(new Runner(base(BracketBenchmark.class.getName() + "\\.")
                .param("registered", "false").build()).run(), 1);
        double[] none = without.get("loopIteration registered=false");
        double[] off = with.get("loopIteration registered=false");
        double[] on = with.get("loopIteration registered=true");
        md.println("| loop iteration (`Selector.selectNow()`), ns/op | no agent | loopguard, not registered | loopguard, registered (bracket) | bracket adds |");
        md.println("|---|---|---|---|---|");
        md.println("| `loopIteration` | " + Md.medianRange(none) + " | " + Md.medianRange(off) + " | " + Md.medianRange(on)
                + " | " + Md.signed(Md.median(on) - Md.median(off)) + " |");
        md.println();
    }

    private ChainedOptionsBuilder base(String include) {
        return new OptionsBuilder().include(include).forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.milliseconds(quick ? 200 : 1000))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.milliseconds(quick ? 200 : 1000))
                .shouldFailOnError(true);
    }

    /** Per benchmark (with its parameters), the score of each measurement iteration, divided by {@code per}. */
    private static Map<String, double[]> iterationScores(Collection<RunResult> results, int per) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (RunResult run : results) {
            BenchmarkParams params = run.getParams();
            String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            for (String key : params.getParamsKeys()) {
                name += " " + key + "=" + params.getParam(key);
            }
            List<Double> scores = new ArrayList<>();
            run.getBenchmarkResults().forEach(b -> {
                for (IterationResult iteration : b.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore() / per);
                }
            });
            out.put(name, scores.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }
}
