package io.loopguard.report.html;

import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.format.Frame;
import io.loopguard.format.JvmInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh-JVM target that does what the agent does at exit with {@code report=html}: write its data file
 * ({@link DataFileWriter#writeAtomically}) and then {@code index.html} ({@link HtmlReport#writeIndex(Path, Path,
 * DataFile)}, given the file it has just written, as the agent does) for a directory holding that one small file. {@code ExitPathTarget DIR} does both; {@code ExitPathTarget DIR none} does nothing (a
 * hello world on the same class path, the baseline). Run by {@link ExitPathIT} with {@code -Xlog:class+load} and by
 * hand for timings (see BENCHMARK.md). Written like the code it measures: no lambdas, no {@code java.time.format}.
 */
public final class ExitPathTarget {

    private ExitPathTarget() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("none")) {
            System.out.println("hello");
            return;
        }
        Path dir = Path.of(args[0]);
        Instant now = Instant.now();
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame("java.lang.Thread", "sleep", "Thread.java", 337));
        stack.add(new Frame("demo.Handler", "handle", "Handler.java", 42));
        stack.add(new Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", 569));
        stack.add(new Frame("java.lang.Thread", "run", "Thread.java", 840));
        List<String> threads = new ArrayList<>();
        threads.add("vert.x-eventloop-thread-0");
        List<CallSite> sites = new ArrayList<>();
        sites.add(new CallSite("0123456789abcdef", "sleep", "java.lang.Thread.sleep", null, threads, 3, 15_000_000,
                5_000_000, 5_000_000, now, now, stack));
        DataFile file = new DataFile(DataFile.FORMAT, new JvmInfo(4242, "17", "demo.Main",
                now, now), sites, 0, threads);
        DataFileWriter.writeAtomically(file, dir.resolve("loopguard-4242.json"));
        HtmlReport.writeIndex(dir, dir.resolve("loopguard-4242.json"), file);
        System.out.println("hello");
    }
}
