package org.shapescope.analysis.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shapescope.analysis.format.Float16;

/**
 * An array read from a numpy {@code .npy} file (format versions 1.0, 2.0 and 3.0, as specified in
 * numpy's {@code numpy/lib/format.py} documentation, "NEP 1"): magic {@code \x93NUMPY}, version,
 * header length (uint16 in 1.0, uint32 later), a Python dict literal with {@code descr},
 * {@code fortran_order} and {@code shape}, then the raw data.
 *
 * <p>Supported element types: float16/32/64 and signed/unsigned integers of 1–8 bytes, little-
 * or big-endian, C or Fortran order. Anything else (objects, strings, structured types) is refused
 * with a {@link NpyFormatException} that names the file.
 */
public final class NpyArray {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final Path file;
    private final char kind;
    private final int itemSize;
    private final ByteOrder order;
    private final boolean fortranOrder;
    private final int[] shape;
    private final ByteBuffer data;

    private NpyArray(Path file, char kind, int itemSize, ByteOrder order, boolean fortranOrder, int[] shape, ByteBuffer data) {
        this.file = file;
        this.kind = kind;
        this.itemSize = itemSize;
        this.order = order;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.data = data;
    }

    /**
     * Opens a .npy file: parses its header and maps its data read-only into memory (the operating
     * system pages it in as it is read; nothing is copied until a conversion asks for values).
     */
    public static NpyArray read(Path file) throws NpyFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            InputStream in = Channels.newInputStream(channel);
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new NpyFormatException(file, "is not a .npy file (no \\x93NUMPY magic)");
            }
            byte[] version = in.readNBytes(2);
            if (version.length < 2) {
                throw new NpyFormatException(file, "is truncated in its header");
            }
            int major = version[0] & 0xff;
            if (major < 1 || major > 3) {
                throw new NpyFormatException(file, "has .npy format version " + major + "." + (version[1] & 0xff) + ", expected 1, 2 or 3");
            }
            byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
            if (lengthBytes.length < (major == 1 ? 2 : 4)) {
                throw new NpyFormatException(file, "is truncated in its header");
            }
            ByteBuffer lengthBuffer = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = major == 1 ? (lengthBuffer.getShort() & 0xffff) : (lengthBuffer.getInt() & 0xffffffffL);
            if (headerLength > 1 << 20) {
                throw new NpyFormatException(file, "declares a header of " + headerLength + " bytes, which is not plausible");
            }
            byte[] headerBytes = in.readNBytes((int) headerLength);
            if (headerBytes.length < headerLength) {
                throw new NpyFormatException(file, "is truncated in its header");
            }
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            return parse(file, header, channel);
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyFormatException(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static NpyArray parse(Path file, String header, FileChannel channel) throws IOException {
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeText.find()) {
            throw new NpyFormatException(file, "has a header without descr, fortran_order and shape: " + header.trim());
        }
        String type = descr.group(1);
        if (type.length() < 3) {
            throw new NpyFormatException(file, "has element type '" + type + "', which is not supported");
        }
        char byteOrder = type.charAt(0);
        char kind = type.charAt(1);
        int itemSize;
        try {
            itemSize = Integer.parseInt(type.substring(2));
        } catch (NumberFormatException e) {
            throw new NpyFormatException(file, "has element type '" + type + "', which is not supported");
        }
        boolean supported = (kind == 'f' && (itemSize == 2 || itemSize == 4 || itemSize == 8))
                || ((kind == 'i' || kind == 'u') && (itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8));
        if (!supported || "<>|=".indexOf(byteOrder) < 0) {
            throw new NpyFormatException(file, "has element type '" + type
                    + "'; supported are float16/32/64 and integers (e.g. '<f2', '<f4', '>f4', '<i8')");
        }
        ByteOrder order = byteOrder == '>' ? ByteOrder.BIG_ENDIAN
                : byteOrder == '<' || byteOrder == '|' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.nativeOrder();
        List<Integer> dims = new ArrayList<>();
        long elements = 1;
        for (String part : shapeText.group(1).split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                int dim = Integer.parseInt(trimmed.replace("L", ""));
                if (dim < 0) {
                    throw new NumberFormatException();
                }
                dims.add(dim);
                elements *= dim;
            } catch (NumberFormatException e) {
                throw new NpyFormatException(file, "has an unreadable shape (" + shapeText.group(1) + ")");
            }
            if (elements > MAX_ELEMENTS) {
                throw new NpyFormatException(file, "holds more than " + MAX_ELEMENTS + " values, more than one array can hold");
            }
        }
        long bytes = elements * itemSize;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new NpyFormatException(file, "holds " + bytes + " bytes of data, more than one buffer can hold");
        }
        long offset = channel.position();
        long available = Math.max(0, channel.size() - offset);
        if (available < bytes) {
            throw new NpyFormatException(file, "is truncated: its shape needs " + bytes + " bytes of data, it has " + available);
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, offset, bytes).order(order);
        return new NpyArray(file, kind, itemSize, order, fortran.group(1).equals("True"), shape, data);
    }

    public Path file() {
        return file;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** numpy-style name of the element type: float16, float32, int64, uint8, ... */
    public String dtype() {
        return (kind == 'f' ? "float" : kind == 'i' ? "int" : "uint") + (itemSize * 8);
    }

    public boolean isFloat() {
        return kind == 'f';
    }

    public boolean isFortranOrder() {
        return fortranOrder;
    }

    public ByteOrder byteOrder() {
        return order;
    }

    public long size() {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }

    /** A 2-D float array as row-major float32 (converting from float16/64 and Fortran order). */
    public float[] toFloatMatrix() throws NpyFormatException {
        if (shape.length != 2) {
            throw new NpyFormatException(file, "must be 2-D (tokens x hidden), its shape is " + Arrays.toString(shape));
        }
        if (kind != 'f') {
            throw new NpyFormatException(file, "must hold floats (float16 or float32), it holds " + dtype());
        }
        int rows = shape[0];
        int cols = shape[1];
        float[] out = new float[rows * cols];
        for (int i = 0; i < out.length; i++) {
            int r;
            int c;
            if (fortranOrder) {
                c = i / Math.max(rows, 1);
                r = i - c * rows;
            } else {
                r = i / Math.max(cols, 1);
                c = i - r * cols;
            }
            out[r * cols + c] = floatAt(i);
        }
        return out;
    }

    /** A 1-D integer array as long[]. */
    public long[] toLongVector() throws NpyFormatException {
        if (shape.length != 1) {
            throw new NpyFormatException(file, "must be 1-D, its shape is " + Arrays.toString(shape));
        }
        if (kind == 'f') {
            throw new NpyFormatException(file, "must hold integers, it holds " + dtype());
        }
        long[] out = new long[shape[0]];
        for (int i = 0; i < out.length; i++) {
            out[i] = longAt(i);
        }
        return out;
    }

    private float floatAt(int index) {
        int at = index * itemSize;
        return switch (itemSize) {
            case 2 -> Float16.toFloat(data.getShort(at));
            case 4 -> data.getFloat(at);
            default -> (float) data.getDouble(at);
        };
    }

    private long longAt(int index) {
        int at = index * itemSize;
        boolean unsigned = kind == 'u';
        return switch (itemSize) {
            case 1 -> unsigned ? data.get(at) & 0xffL : data.get(at);
            case 2 -> unsigned ? data.getShort(at) & 0xffffL : data.getShort(at);
            case 4 -> unsigned ? data.getInt(at) & 0xffffffffL : data.getInt(at);
            default -> data.getLong(at);
        };
    }
}
