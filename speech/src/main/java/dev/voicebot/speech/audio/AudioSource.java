package dev.voicebot.speech.audio;

/**
 * A source of 16 kHz mono audio: a file, a raw PCM stream or a microphone. Closing releases the
 * file or device; it is safe to call more than once. Not thread-safe: one reader thread, although
 * {@link #close()} may be called from another thread to stop a blocked microphone read.
 */
public interface AudioSource extends AutoCloseable {

    /**
     * Reads up to {@code buffer.length} samples (16 kHz mono, [-1, 1]) into the buffer. Blocks until
     * at least one sample is available. Returns the number of samples read, or -1 at the end of the
     * stream (or after {@link #close()}).
     *
     * @throws dev.voicebot.speech.AudioFileException   if a file or stream is corrupt
     * @throws dev.voicebot.speech.AudioDeviceException if a capture device fails
     */
    int read(float[] buffer);

    /** What this source reads, for messages: a file path, {@code stdin}, {@code microphone ...}. */
    String name();

    @Override
    void close();
}
