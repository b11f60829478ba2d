package dev.voicebot.brain.llm.testmodels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes GGUF version 3 files (little-endian): metadata key/value pairs, then tensor infos, then
 * F32 tensor data aligned to {@link #ALIGNMENT} bytes. Small and test-only: it builds the tiny
 * llama.cpp models the tests run, and the broken files the validator must refuse.
 */
public final class GgufWriter {
    public static final int ALIGNMENT = 32;

    // GGUF metadata value types.
    static final int UINT32 = 4;
    static final int INT32 = 5;
    static final int FLOAT32 = 6;
    static final int BOOL = 7;
    static final int STRING = 8;
    static final int ARRAY = 9;
    static final int UINT64 = 10;

    private static final int GGML_TYPE_F32 = 0;

    private final Map<String, Value> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    private record Value(int type, Object value, int elementType) {
    }

    /** One tensor: dims in GGML order (the first dimension varies fastest), a GGML type id and its raw bytes. */
    private record Tensor(String name, long[] dims, int type, byte[] data) {
    }

    public GgufWriter putString(String key, String value) {
        metadata.put(key, new Value(STRING, Objects.requireNonNull(value), -1));
        return this;
    }

    public GgufWriter putUint32(String key, int value) {
        metadata.put(key, new Value(UINT32, value, -1));
        return this;
    }

    public GgufWriter putInt32(String key, int value) {
        metadata.put(key, new Value(INT32, value, -1));
        return this;
    }

    public GgufWriter putFloat32(String key, float value) {
        metadata.put(key, new Value(FLOAT32, value, -1));
        return this;
    }

    public GgufWriter putBool(String key, boolean value) {
        metadata.put(key, new Value(BOOL, value, -1));
        return this;
    }

    public GgufWriter putUint64(String key, long value) {
        metadata.put(key, new Value(UINT64, value, -1));
        return this;
    }

    public GgufWriter putStrings(String key, List<String> values) {
        metadata.put(key, new Value(ARRAY, List.copyOf(values), STRING));
        return this;
    }

    public GgufWriter putInt32s(String key, int[] values) {
        metadata.put(key, new Value(ARRAY, values.clone(), INT32));
        return this;
    }

    public GgufWriter putFloat32s(String key, float[] values) {
        metadata.put(key, new Value(ARRAY, values.clone(), FLOAT32));
        return this;
    }

    public GgufWriter remove(String key) {
        metadata.remove(key);
        return this;
    }

    /** Adds an F32 tensor; {@code data.length} must equal the product of {@code dims}. */
    public GgufWriter addF32(String name, long[] dims, float[] data) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": " + data.length + " values for " + n + " elements");
        }
        ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        tensors.add(new Tensor(name, dims.clone(), GGML_TYPE_F32, buf.array()));
        return this;
    }

    /** Adds a tensor of any GGML type id with the given raw bytes, unchecked: for broken test files. */
    public GgufWriter addRaw(String name, long[] dims, int ggmlType, byte[] data) {
        tensors.add(new Tensor(name, dims.clone(), ggmlType, data.clone()));
        return this;
    }

    public void write(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return out.toByteArray();
    }

    private void writeTo(OutputStream raw) throws IOException {
        Le out = new Le(raw);
        out.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.u32(3);
        out.u64(tensors.size());
        out.u64(metadata.size() + 1);
        out.string("general.alignment");
        out.u32(UINT32);
        out.u32(ALIGNMENT);
        for (Map.Entry<String, Value> e : metadata.entrySet()) {
            out.string(e.getKey());
            Value v = e.getValue();
            out.u32(v.type());
            if (v.type() == ARRAY) {
                out.u32(v.elementType());
                writeArray(out, v);
            } else {
                writeScalar(out, v.type(), v.value());
            }
        }
        long offset = 0;
        for (Tensor t : tensors) {
            out.string(t.name());
            out.u32(t.dims().length);
            for (long d : t.dims()) {
                out.u64(d);
            }
            out.u32(t.type());
            out.u64(offset);
            offset = align(offset + t.data().length);
        }
        out.pad();
        for (Tensor t : tensors) {
            out.bytes(t.data());
            out.pad();
        }
    }

    private static void writeArray(Le out, Value v) throws IOException {
        switch (v.elementType()) {
            case STRING -> {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) v.value();
                out.u64(list.size());
                for (String s : list) {
                    out.string(s);
                }
            }
            case INT32 -> {
                int[] a = (int[]) v.value();
                out.u64(a.length);
                for (int x : a) {
                    out.u32(x);
                }
            }
            case FLOAT32 -> {
                float[] a = (float[]) v.value();
                out.u64(a.length);
                for (float x : a) {
                    out.u32(Float.floatToIntBits(x));
                }
            }
            default -> throw new IllegalStateException("array of type " + v.elementType());
        }
    }

    private static void writeScalar(Le out, int type, Object value) throws IOException {
        switch (type) {
            case STRING -> out.string((String) value);
            case UINT32, INT32 -> out.u32((Integer) value);
            case UINT64 -> out.u64((Long) value);
            case FLOAT32 -> out.u32(Float.floatToIntBits((Float) value));
            case BOOL -> out.bytes(new byte[] {(byte) ((Boolean) value ? 1 : 0)});
            default -> throw new IllegalStateException("scalar of type " + type);
        }
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** A little-endian writer that knows its position, for alignment padding. */
    private static final class Le {
        private final OutputStream out;
        private long position;

        Le(OutputStream out) {
            this.out = out;
        }

        void bytes(byte[] b) throws IOException {
            out.write(b);
            position += b.length;
        }

        void u32(int v) throws IOException {
            bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        }

        void u64(long v) throws IOException {
            bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            bytes(b);
        }

        void pad() throws IOException {
            long aligned = align(position);
            bytes(new byte[(int) (aligned - position)]);
        }
    }
}
