package dev.voicebot.runtime.doctor;

import java.util.List;
import java.util.Locale;

/**
 * Loads the native speech (whisper-jni) and LLM (de.kherud:llama) libraries the way the runtime
 * does. Loading is safe; only model files can crash native code, and none is opened here.
 */
public final class NativeLibraryCheck implements Check {
    /** One native library: its name, how to load it, and what to do when it does not load. */
    public interface Loader {
        void load() throws Exception;
    }

    private final String name;
    private final Loader loader;
    private final String advice;

    public NativeLibraryCheck(String name, Loader loader, String advice) {
        this.name = name;
        this.loader = loader;
        this.advice = advice;
    }

    /** whisper.cpp through io.github.givimad:whisper-jni. */
    public static NativeLibraryCheck whisper() {
        return new NativeLibraryCheck("native: whisper", () -> io.github.givimad.whisperjni.WhisperJNI.loadLibrary(),
                "whisper-jni ships Linux x86_64, aarch64 and armv7 CPU builds; on other platforms, or for CUDA, build whisper.cpp "
                        + "and whisper-jni yourself (docs/install.md, 'Native libraries')");
    }

    /** llama.cpp through de.kherud:llama: its static initialiser loads libjllama. */
    public static NativeLibraryCheck llama() {
        return new NativeLibraryCheck("native: llama", () -> Class.forName("de.kherud.llama.LlamaModel", true, NativeLibraryCheck.class.getClassLoader()),
                "de.kherud:llama ships Linux x86_64 and aarch64 CPU builds; for CUDA build java-llama.cpp with -DGGML_CUDA=ON and start with "
                        + "-Dde.kherud.llama.lib.path=DIR (docs/install.md, 'Native libraries')");
    }

    @Override
    public List<Finding> run() {
        String platform = System.getProperty("os.name").toLowerCase(Locale.ROOT) + " " + System.getProperty("os.arch");
        // de.kherud's loader prints "Extracted ..." on System.out, which belongs to the report (--json).
        java.io.PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            loader.load();
            return List.of(Finding.ok(name, "loaded for " + platform));
        } catch (Exception | LinkageError e) {
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            return List.of(Finding.fail(name, "does not load on " + platform + ": " + cause, advice));
        } finally {
            System.setOut(stdout);
        }
    }
}
