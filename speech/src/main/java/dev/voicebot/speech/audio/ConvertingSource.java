package dev.voicebot.speech.audio;

/** Shared plumbing for sources that decode mono audio at some rate and resample it to 16 kHz. */
abstract class ConvertingSource implements AudioSource {
    private final Resampler resampler;
    private float[] pending = new float[0];
    private int pendingPos;
    private boolean ended;
    private final float[] nativeBuffer;

    ConvertingSource(int nativeRate, int nativeChunk) {
        this.resampler = Resampler.to16k(nativeRate);
        this.nativeBuffer = new float[nativeChunk];
    }

    /** Fills {@code mono} with samples at the native rate; returns how many, 0 for none yet, -1 at the end. */
    protected abstract int readNative(float[] mono);

    @Override
    public int read(float[] buffer) {
        if (buffer.length == 0) {
            return 0;
        }
        while (pendingPos >= pending.length) {
            if (ended) {
                return -1;
            }
            int n = readNative(nativeBuffer);
            if (n < 0) {
                ended = true;
                pending = resampler.flush();
            } else {
                pending = resampler.process(nativeBuffer, 0, n);
            }
            pendingPos = 0;
        }
        int n = Math.min(buffer.length, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, buffer, 0, n);
        pendingPos += n;
        return n;
    }
}
