package dev.voicebot.runtime.doctor;

import java.util.List;

/** One thing {@code robot doctor} looks at; it may report several findings (one per model file, ...). */
@FunctionalInterface
public interface Check {
    List<Finding> run() throws Exception;
}
