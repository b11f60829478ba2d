package dev.voicebot.runtime.models;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import java.net.URI;
import java.util.Optional;

/**
 * One model {@code robot models pull} can fetch. {@code sizeBytes}, {@code sha256} and {@code sha1}
 * are null when no source could be checked; nothing is made up.
 */
public record CatalogueEntry(
        String name,
        ModelKind kind,
        String file,
        URI url,
        Long sizeBytes,
        String sha256,
        String sha1,
        String licence,
        String description) {

    public CatalogueEntry {
        ensureNotBlank(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("model name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        ensureNotNull(kind, "kind");
        ensureNotBlank(file, "file");
        if (file.contains("/") || file.contains("\\") || file.startsWith(".") || file.endsWith(ModelStore.PARTIAL_SUFFIX)) {
            throw new IllegalArgumentException("model " + name + ": file '" + file + "' must be a plain file name");
        }
        ensureNotNull(url, "url");
        if (url.getScheme() == null || !(url.getScheme().equals("https") || url.getScheme().equals("http")) || url.getHost() == null) {
            throw new IllegalArgumentException("model " + name + ": url '" + url + "' must be an http(s) URL");
        }
        if (sizeBytes != null && sizeBytes <= 0) {
            throw new IllegalArgumentException("model " + name + ": sizeBytes must be positive or null, not " + sizeBytes);
        }
        if (sha256 != null) {
            sha256 = new Checksum(Checksum.SHA_256, sha256).hex();
        }
        if (sha1 != null) {
            sha1 = new Checksum(Checksum.SHA_1, sha1).hex();
        }
        licence = licence == null || licence.isBlank() ? "unknown" : licence;
        description = description == null ? "" : description;
    }

    /** The strongest published checksum: SHA-256 if known, else SHA-1, else none. */
    public Optional<Checksum> checksum() {
        if (sha256 != null) {
            return Optional.of(new Checksum(Checksum.SHA_256, sha256));
        }
        return Optional.ofNullable(sha1).map(h -> new Checksum(Checksum.SHA_1, h));
    }

    public Optional<Long> size() {
        return Optional.ofNullable(sizeBytes);
    }
}
