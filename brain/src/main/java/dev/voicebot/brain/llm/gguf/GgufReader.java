package dev.voicebot.brain.llm.gguf;

import dev.voicebot.brain.llm.gguf.GgufFile.Array;
import dev.voicebot.brain.llm.gguf.GgufFile.TensorInfo;
import dev.voicebot.brain.llm.gguf.ModelFileException.Problem;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the structure of a GGUF file (versions 2 and 3, little-endian) in Java, so that
 * native code never sees a file that would make it abort: the magic, the version, every metadata
 * key and value, every tensor's name, dimensions, type and offset, and that each tensor's data lies
 * inside the file (a truncated download is caught here, not in llama.cpp).
 */
public final class GgufReader {
    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
    private static final int DEFAULT_ALIGNMENT = 32;
    private static final int MAX_KEY_BYTES = 65_536;
    private static final int MAX_TENSOR_NAME_BYTES = 63; // GGML_MAX_NAME is 64 with the terminating NUL
    private static final int MAX_DIMS = 4;
    /** Metadata arrays whose values the checks read; other arrays are skipped and only their length kept. */
    private static final Set<String> KEPT_ARRAYS = Set.of("tokenizer.ggml.tokens", "tokenizer.ggml.token_type");

    // GGUF metadata value types
    static final int T_UINT8 = 0, T_INT8 = 1, T_UINT16 = 2, T_INT16 = 3, T_UINT32 = 4, T_INT32 = 5, T_FLOAT32 = 6,
            T_BOOL = 7, T_STRING = 8, T_ARRAY = 9, T_UINT64 = 10, T_INT64 = 11, T_FLOAT64 = 12;
    private static final int[] SCALAR_SIZE = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};

    private final Path file;
    private final long size;
    private final InputStream in;
    private long position;

    private GgufReader(Path file, long size, InputStream in) {
        this.file = file;
        this.size = size;
        this.in = in;
    }

    /** Reads the header of {@code file} and checks that all tensor data is inside it. */
    public static GgufFile read(Path file) {
        if (!Files.exists(file)) {
            throw new ModelFileException(file, Problem.MISSING, "there is no file at this path");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, Problem.NOT_A_FILE, "this path is not a regular file (a directory?)");
        }
        if (!Files.isReadable(file)) {
            throw new ModelFileException(file, Problem.UNREADABLE, "the file is not readable by this user");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            long size = Files.size(file);
            return new GgufReader(file, size, new BufferedInputStream(raw, 1 << 16)).readFile();
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, Problem.MISSING, "the file disappeared while being read", e);
        } catch (AccessDeniedException e) {
            throw new ModelFileException(file, Problem.UNREADABLE, "access denied", e);
        } catch (EOFException e) {
            throw new ModelFileException(file, Problem.TRUNCATED, "the header ends early: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException(file, Problem.UNREADABLE, "reading failed: " + e, e);
        }
    }

    private GgufFile readFile() throws IOException {
        if (size < 4) {
            throw fault(Problem.NOT_GGUF, "only " + size + " bytes long; a GGUF file starts with the magic 'GGUF'");
        }
        int magic = u32();
        if (magic != MAGIC) {
            throw fault(Problem.NOT_GGUF, describeMagic(magic));
        }
        int version = u32();
        if (version == 1) {
            throw fault(Problem.UNSUPPORTED_VERSION, "GGUF version 1 is no longer read by llama.cpp; convert the model again");
        }
        if (version != 2 && version != 3) {
            String hint = Integer.reverseBytes(version) >= 1 && Integer.reverseBytes(version) <= 3
                    ? "this looks like a big-endian GGUF; use the little-endian file"
                    : "this runtime reads GGUF versions 2 and 3";
            throw fault(Problem.UNSUPPORTED_VERSION, "GGUF version " + Integer.toUnsignedString(version) + "; " + hint);
        }
        long tensorCount = u64();
        long kvCount = u64();
        // Each key/value pair takes at least 13 bytes, each tensor info at least 33: bound the counts by the size.
        checkCount("metadata", kvCount, 13);
        checkCount("tensor", tensorCount, 33);
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            String key = string(MAX_KEY_BYTES, "metadata key #" + i);
            if (key.isEmpty()) {
                throw fault(Problem.MALFORMED, "metadata key #" + i + " is empty");
            }
            if (metadata.containsKey(key)) {
                throw fault(Problem.MALFORMED, "metadata key '" + key + "' appears twice");
            }
            int type = u32();
            metadata.put(key, value(key, type));
        }
        int alignment = DEFAULT_ALIGNMENT;
        Object a = metadata.get("general.alignment");
        if (a != null) {
            if (!(a instanceof Long l) || l <= 0 || l > (1 << 30) || Long.bitCount(l) != 1) {
                throw fault(Problem.MALFORMED, "general.alignment must be a power of two, not " + a);
            }
            alignment = (int) (long) l;
        }
        List<TensorInfo> tensors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            tensors.add(tensorInfo(i, names, alignment));
        }
        long dataOffset = align(position, alignment);
        for (TensorInfo t : tensors) {
            long end = dataOffset + t.offset() + t.size();
            if (t.offset() > size || end < 0 || end > size) {
                throw fault(Problem.TRUNCATED, "tensor '" + t.name() + "' needs bytes up to " + Long.toUnsignedString(end)
                        + " but the file has " + size + " (an interrupted download or copy?)");
            }
        }
        return new GgufFile(file, version, size, alignment, dataOffset, metadata, tensors);
    }

    /** A count that cannot fit the file: truncated when it is plausible in itself, else malformed. */
    private void checkCount(String what, long count, int minBytesEach) {
        if (count >= 0 && count <= remaining() / minBytesEach) {
            return;
        }
        boolean plausible = count >= 0 && count < (1L << 24);
        throw fault(plausible ? Problem.TRUNCATED : Problem.MALFORMED, "the header announces " + Long.toUnsignedString(count) + " "
                + what + " entries, which cannot fit in the " + remaining() + " bytes left of the file");
    }

    private TensorInfo tensorInfo(long index, Set<String> names, int alignment) throws IOException {
        String name = string(MAX_KEY_BYTES, "tensor name #" + index);
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_TENSOR_NAME_BYTES || name.isEmpty()) {
            throw fault(Problem.MALFORMED, "tensor #" + index + " has a name of " + name.length() + " characters; 1 to " + MAX_TENSOR_NAME_BYTES + " allowed");
        }
        if (!names.add(name)) {
            throw fault(Problem.MALFORMED, "tensor '" + name + "' appears twice");
        }
        int nDims = u32();
        if (nDims < 1 || nDims > MAX_DIMS) {
            throw fault(Problem.MALFORMED, "tensor '" + name + "' has " + Integer.toUnsignedString(nDims) + " dimensions; 1 to 4 allowed");
        }
        List<Long> dims = new ArrayList<>();
        long elements = 1;
        for (int d = 0; d < nDims; d++) {
            long n = u64();
            if (n < 0) {
                throw fault(Problem.MALFORMED, "tensor '" + name + "' has a negative dimension " + n);
            }
            try {
                elements = Math.multiplyExact(elements, n);
            } catch (ArithmeticException e) {
                throw fault(Problem.MALFORMED, "tensor '" + name + "' has more elements than fit in 64 bits");
            }
            dims.add(n);
        }
        int typeId = u32();
        GgmlType type = GgmlType.byId(Integer.toUnsignedLong(typeId)).orElseThrow(() -> fault(Problem.MALFORMED,
                "tensor '" + name + "' has element type " + Integer.toUnsignedString(typeId)
                        + ", which this llama.cpp build (b4916) does not know"));
        if (dims.get(0) % type.blockSize() != 0) {
            throw fault(Problem.MALFORMED, "tensor '" + name + "' has a first dimension " + dims.get(0)
                    + " that is not a multiple of the " + type + " block size " + type.blockSize());
        }
        long offset = u64();
        if (offset < 0 || offset % alignment != 0) {
            throw fault(Problem.MALFORMED, "tensor '" + name + "' has offset " + Long.toUnsignedString(offset) + ", not a multiple of the alignment " + alignment);
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(elements / type.blockSize(), (long) type.typeSize());
        } catch (ArithmeticException e) {
            throw fault(Problem.MALFORMED, "tensor '" + name + "' is larger than 2^63 bytes");
        }
        return new TensorInfo(name, dims, type, offset, bytes);
    }

    private Object value(String key, int type) throws IOException {
        if (type == T_ARRAY) {
            int elementType = u32();
            long length = u64();
            if (elementType == T_ARRAY) {
                throw fault(Problem.MALFORMED, "metadata '" + key + "' is an array of arrays, which llama.cpp does not read");
            }
            checkType(key, elementType);
            if (length < 0 || length > remaining()) {
                throw fault(length < 0 ? Problem.MALFORMED : Problem.TRUNCATED,
                        "metadata array '" + key + "' claims " + Long.toUnsignedString(length) + " values but only " + remaining() + " bytes remain");
            }
            boolean keep = KEPT_ARRAYS.contains(key);
            List<Object> values = keep ? new ArrayList<>((int) Math.min(length, 1 << 20)) : List.of();
            if (!keep && elementType != T_STRING) {
                long bytes = length * SCALAR_SIZE[elementType];
                need(bytes, "metadata array '" + key + "'");
                skip(bytes);
            } else {
                for (long i = 0; i < length; i++) {
                    if (keep) {
                        values.add(scalar(key + "[" + i + "]", elementType));
                    } else {
                        skip(stringLength(key + "[" + i + "]"));
                    }
                }
            }
            return new Array(elementType, length, values);
        }
        checkType(key, type);
        return scalar(key, type);
    }

    private void checkType(String key, int type) {
        if (type < 0 || type > T_FLOAT64) {
            throw fault(Problem.MALFORMED, "metadata '" + key + "' has value type " + Integer.toUnsignedString(type) + "; GGUF types are 0 to 12");
        }
    }

    private Object scalar(String key, int type) throws IOException {
        return switch (type) {
            case T_UINT8 -> (long) (u8());
            case T_INT8 -> (long) (byte) u8();
            case T_UINT16 -> (long) (u16());
            case T_INT16 -> (long) (short) u16();
            case T_UINT32 -> Integer.toUnsignedLong(u32());
            case T_INT32 -> (long) u32();
            case T_FLOAT32 -> (double) Float.intBitsToFloat(u32());
            case T_BOOL -> {
                int b = u8();
                if (b > 1) {
                    throw fault(Problem.MALFORMED, "metadata '" + key + "' is a boolean of value " + b);
                }
                yield b == 1;
            }
            case T_STRING -> string(Integer.MAX_VALUE - 8, "metadata '" + key + "'");
            case T_UINT64, T_INT64 -> u64();
            case T_FLOAT64 -> Double.longBitsToDouble(u64());
            default -> throw fault(Problem.MALFORMED, "metadata '" + key + "' has value type " + type);
        };
    }

    private long stringLength(String what) throws IOException {
        long n = u64();
        if (n < 0 || n > remaining()) {
            throw fault(n < 0 ? Problem.MALFORMED : Problem.TRUNCATED, what + " is a text of " + Long.toUnsignedString(n)
                    + " bytes but only " + remaining() + " bytes remain");
        }
        return n;
    }

    private String string(int maxBytes, String what) throws IOException {
        long n = stringLength(what);
        if (n > maxBytes) {
            throw fault(Problem.MALFORMED, what + " is a text of " + n + " bytes; at most " + maxBytes + " allowed");
        }
        return new String(bytes((int) n), StandardCharsets.UTF_8);
    }

    private static String describeMagic(int magic) {
        return switch (magic) {
            case 0x67676d6c -> "this is a legacy GGML file (for example a whisper.cpp model), not GGUF; llama.cpp needs GGUF";
            case 0x67676d66, 0x67676a74 -> "this is a pre-GGUF llama.cpp file (GGMF/GGJT); convert it to GGUF";
            default -> String.format("it does not start with the GGUF magic (found bytes %02x %02x %02x %02x)",
                    magic & 0xff, (magic >>> 8) & 0xff, (magic >>> 16) & 0xff, (magic >>> 24) & 0xff);
        };
    }

    private ModelFileException fault(Problem problem, String detail) {
        return new ModelFileException(file, problem, detail);
    }

    private long remaining() {
        return size - position;
    }

    private void need(long bytes, String what) throws EOFException {
        if (bytes > remaining()) {
            throw new EOFException(what + " needs " + bytes + " bytes at offset " + position + " but the file has " + size);
        }
    }

    private byte[] bytes(int n) throws IOException {
        need(n, "a value");
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("the file ended at byte " + (position + b.length) + " of " + size + " while reading");
        }
        position += n;
        return b;
    }

    private void skip(long n) throws IOException {
        need(n, "a value");
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the file ended at byte " + (position + n - left) + " of " + size);
                }
                s = 1;
            }
            left -= s;
        }
        position += n;
    }

    private int u8() throws IOException {
        return bytes(1)[0] & 0xff;
    }

    private int u16() throws IOException {
        byte[] b = bytes(2);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8;
    }

    private int u32() throws IOException {
        byte[] b = bytes(4);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    private long u64() throws IOException {
        return (u32() & 0xffffffffL) | ((long) u32()) << 32;
    }

    private static long align(long n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }
}
