package dev.voicebot.runtime.voice;

/** The robot's own speech output as the voice loop sees it: is it talking, how loud, and cut it off (barge-in). */
public interface RobotVoice {
    /** True while a reply is being spoken (or waits to be). */
    boolean speaking();

    /** Level of what is being played right now, dBFS; NaN when nothing is played or it is unknown. */
    default double playbackLevelDb() {
        return Double.NaN;
    }

    /** Stops speaking at once and drops what was still to be said. */
    void interrupt();

    /** A voice that never speaks (no speech output configured). */
    RobotVoice SILENT = new RobotVoice() {
        @Override
        public boolean speaking() {
            return false;
        }

        @Override
        public void interrupt() {
        }
    };
}
