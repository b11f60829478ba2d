package dev.voicebot.runtime.models;

import java.nio.file.Path;

/** What checking a model file against its catalogue entry found. */
public sealed interface VerifyOutcome {
    Path file();

    /** True when nothing is known to be wrong (verified, or no published checksum to check against). */
    boolean acceptable();

    /** A one-line explanation for people. */
    String describe();

    record Verified(Path file, Checksum checksum) implements VerifyOutcome {
        public boolean acceptable() {
            return true;
        }

        public String describe() {
            return "OK: " + checksum.algorithm() + " matches the published checksum";
        }
    }

    record NoPublishedChecksum(Path file, String sha256) implements VerifyOutcome {
        public boolean acceptable() {
            return true;
        }

        public String describe() {
            return "not verified: no published checksum for this model (its SHA-256 is " + sha256 + ")";
        }
    }

    record Mismatch(Path file, Checksum expected, String actual) implements VerifyOutcome {
        public boolean acceptable() {
            return false;
        }

        public String describe() {
            return "CHECKSUM MISMATCH: " + expected.algorithm() + " is " + actual + ", expected " + expected.hex();
        }
    }

    record WrongSize(Path file, long expected, long actual) implements VerifyOutcome {
        public boolean acceptable() {
            return false;
        }

        public String describe() {
            return "WRONG SIZE: " + actual + " bytes, expected " + expected + (actual < expected ? " (incomplete?)" : "");
        }
    }

    record WrongFormat(Path file, FileFormat expected, FileFormat actual) implements VerifyOutcome {
        public boolean acceptable() {
            return false;
        }

        public String describe() {
            return "WRONG FORMAT: the file is " + actual.description() + ", expected " + expected.description();
        }
    }

    record Missing(Path file) implements VerifyOutcome {
        public boolean acceptable() {
            return false;
        }

        public String describe() {
            return "MISSING: " + file + " does not exist";
        }
    }
}
