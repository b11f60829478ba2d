package dev.voicebot.brain.llm.gguf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parsed header of a GGUF file whose structure checked out: every tensor's data lies inside the
 * file. Scalar metadata values are {@code Long} (all integer types), {@code Double}, {@code Boolean} or
 * {@code String}; arrays are {@link Array}, whose values are kept only for the keys the checks need.
 */
public record GgufFile(Path path, int version, long fileSize, int alignment, long dataOffset,
                       Map<String, Object> metadata, List<TensorInfo> tensors) {

    public GgufFile {
        metadata = Map.copyOf(metadata);
        tensors = List.copyOf(tensors);
    }

    /** A tensor: its name, GGML dimensions (first varies fastest), element type, offset into the data section and size. */
    public record TensorInfo(String name, List<Long> dims, GgmlType type, long offset, long size) {
        public TensorInfo {
            dims = List.copyOf(dims);
        }
    }

    /** An array value: element type id (GGUF value type), length, and the values when kept (else empty). */
    public record Array(int elementType, long length, List<Object> values) {
        public Array {
            values = List.copyOf(values);
        }
    }

    public Optional<String> string(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public OptionalLong integer(String key) {
        return metadata.get(key) instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }

    public Optional<Array> array(String key) {
        return metadata.get(key) instanceof Array a ? Optional.of(a) : Optional.empty();
    }

    public boolean has(String key) {
        return metadata.containsKey(key);
    }

    /** {@code general.architecture}, when it is a string. */
    public Optional<String> architecture() {
        return string("general.architecture");
    }
}
