package dev.voicebot.runtime.doctor;

import java.util.List;

/** The JVM: Java 17 or newer, and the platform the native libraries must match. */
public final class JavaCheck implements Check {
    @Override
    public List<Finding> run() {
        Runtime.Version v = Runtime.version();
        String detail = "Java " + v + " (" + System.getProperty("java.vendor", "unknown vendor") + ") on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPU(s), max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
        if (v.feature() < 17) {
            return List.of(Finding.fail("java", detail, "install Java 17 or newer (e.g. apt install openjdk-17-jre-headless)"));
        }
        return List.of(Finding.ok("java", detail));
    }
}
