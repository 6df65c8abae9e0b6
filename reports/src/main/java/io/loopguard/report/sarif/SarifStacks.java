package io.loopguard.report.sarif;

import io.loopguard.format.Frame;
import io.loopguard.report.model.StackFrames;
import java.util.List;

/**
 * Which frames of a call site's stack SARIF carries. SARIF files are uploaded (GitHub: 10 MB gzipped, 25 000 results
 * per run) and rendered frame by frame, so each result gets a bounded excerpt; the HTML report and the merged JSON
 * keep every frame.
 * <ul>
 *   <li>{@code stacks}: the blocking frame ({@code stack[0]}), then the application frames and, while there is room,
 *   the library frames nearest to the blocking call; never JDK frames below the blocking frame; at most
 *   {@value #MAX_FRAMES} frames, in stack order. The stack's message says how many frames were left out.</li>
 *   <li>{@code codeFlows}: the application frames from the outermost caller down to the blocking call, at most
 *   {@value #MAX_FRAMES} locations (the innermost ones).</li>
 * </ul>
 */
final class SarifStacks {

    static final int MAX_FRAMES = 20;

    private SarifStacks() {
    }

    /** Indexes into {@code stack} of the frames for {@code stacks}, in stack order (innermost first). */
    static int[] stackFrames(List<Frame> stack) {
        if (stack.isEmpty()) {
            return new int[0];
        }
        boolean[] keep = new boolean[stack.size()];
        keep[0] = true;
        int kept = 1;
        for (int i = 1; i < stack.size() && kept < MAX_FRAMES; i++) {
            if (StackFrames.isApplication(stack.get(i))) {
                keep[i] = true;
                kept++;
            }
        }
        for (int i = 1; i < stack.size() && kept < MAX_FRAMES; i++) {
            Frame frame = stack.get(i);
            if (!keep[i] && !frame.isJdk()) { // a library frame: innermost first, while there is room
                keep[i] = true;
                kept++;
            }
        }
        int[] indexes = new int[kept];
        int n = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                indexes[n++] = i;
            }
        }
        return indexes;
    }

    /** Indexes of the code flow: application frames outermost first, then {@code stack[0]}; innermost ones kept. */
    static int[] codeFlow(List<Frame> stack) {
        if (stack.isEmpty()) {
            return new int[0];
        }
        int[] innermost = new int[MAX_FRAMES];
        innermost[0] = 0;
        int n = 1;
        for (int i = 1; i < stack.size() && n < MAX_FRAMES; i++) {
            if (StackFrames.isApplication(stack.get(i))) {
                innermost[n++] = i;
            }
        }
        int[] flow = new int[n];
        for (int i = 0; i < n; i++) {
            flow[i] = innermost[n - 1 - i]; // reversed: outermost caller first, the blocking call last
        }
        return flow;
    }
}
