package dev.voicebot.speech.audio;

/**
 * The sample layout of a WAV file's data chunk.
 *
 * @param encoding     integer PCM or IEEE float
 * @param channels     interleaved channels (1 = mono)
 * @param sampleRate   frames per second
 * @param containerBits bits each sample occupies in the file (8, 16, 24, 32 or 64)
 * @param validBits    significant bits (WAVE_FORMAT_EXTENSIBLE may declare fewer than the container)
 */
public record WavFormat(Encoding encoding, int channels, int sampleRate, int containerBits, int validBits) {

    public enum Encoding { PCM, FLOAT }

    public int bytesPerSample() {
        return containerBits / 8;
    }

    public int blockAlign() {
        return bytesPerSample() * channels;
    }

    public String describe() {
        return sampleRate + " Hz, " + (channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels") + ", "
                + (encoding == Encoding.FLOAT ? containerBits + "-bit float" : validBits + "-bit PCM");
    }
}
