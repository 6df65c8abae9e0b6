package io.loopguard.agent.events;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Whether a recording other than the agent's own stream wants {@code io.loopguard.BlockingCall}.
 *
 * <p>Why this is needed: JFR enables an event from the union of the running recordings' explicit settings, and falls
 * back to the event's annotations ({@code @Enabled(true)}, so that {@code -XX:StartFlightRecording} records it with
 * default settings) only when no running recording mentions it. The agent's own {@code RecordingStream} (monitor and
 * pinning) is a running recording too. If it disabled the event, a user's recording with default settings would lose
 * it (measured: the event stops as soon as the stream starts); if it says nothing, the event is enabled whenever the
 * stream runs, and every recorded call would pay for an event no one reads. So the stream says nothing, and the
 * recorder also asks this watch, which knows the agent's stream by the one setting no user recording makes: the
 * agent's internal catch-up marker enabled.
 */
final class RecordingWatch implements FlightRecorderListener {
    private final String ownMarker;
    private volatile boolean othersWant;
    /** The same for the periodic {@code io.loopguard.LoopUtilization}, which the agent's stream also never mentions. */
    private volatile boolean othersWantUtilization;

    RecordingWatch(String ownMarkerName) {
        this.ownMarker = ownMarkerName + "#enabled";
    }

    boolean othersWant() {
        return othersWant;
    }

    /** {@link #othersWant()} for the event named {@code eventName}: one of the agent's two events. */
    boolean othersWant(String eventName) {
        return eventName.equals(LoopUtilizationEvent.NAME) ? othersWantUtilization : othersWant;
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        update(recorder);
    }

    @Override
    public void recordingStateChanged(Recording recording) {
        update(FlightRecorder.getFlightRecorder());
    }

    private void update(FlightRecorder recorder) {
        boolean wanted = false;
        boolean utilization = false;
        for (Recording recording : recorder.getRecordings()) {
            if (recording.getState() != RecordingState.RUNNING || recording.getSettings().containsKey(ownMarker)) {
                continue;
            }
            wanted |= enables(recording, BlockingCallEvent.NAME);
            utilization |= enables(recording, LoopUtilizationEvent.NAME);
        }
        othersWant = wanted;
        othersWantUtilization = utilization;
    }

    /** Unless it says otherwise, a recording has the event enabled (its annotations say so). */
    private static boolean enables(Recording recording, String eventName) {
        String enabled = recording.getSettings().get(eventName + "#enabled");
        return enabled == null || enabled.equals("true");
    }
}
