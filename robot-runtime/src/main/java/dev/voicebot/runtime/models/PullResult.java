package dev.voicebot.runtime.models;

import java.nio.file.Path;

/** A model that is in place: where it is, how it was checked, and whether it had to be downloaded now. */
public record PullResult(CatalogueEntry entry, Path file, VerifyOutcome outcome, boolean downloaded, long resumedFrom) {
}
