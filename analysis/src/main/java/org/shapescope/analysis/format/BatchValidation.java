package org.shapescope.analysis.format;

import java.nio.file.Path;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthViewVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Checks a loaded record batch's buffers against its row count before any value is read: fixed
 * width data long enough, list children long enough, variable-width offsets non-decreasing and
 * inside their data buffer (lists: inside their child), string views inside their buffers. (Arrow
 * Java's own full validation does not know float16 vectors.)
 * A corrupt file then fails here with a clear reason, instead of as a huge allocation later.
 */
final class BatchValidation {
    private BatchValidation() {
    }

    static void check(Path path, VectorSchemaRoot root) throws CheckpointFormatException {
        int rows = root.getRowCount();
        if (rows < 0) {
            throw new CheckpointFormatException(path, "record batch declares " + rows + " rows");
        }
        for (FieldVector vector : root.getFieldVectors()) {
            check(path, vector, rows);
        }
    }

    /** Checks a vector loaded on its own (a dictionary) against its own value count. */
    static void checkColumn(Path path, FieldVector vector) throws CheckpointFormatException {
        check(path, vector, vector.getValueCount());
    }

    private static void check(Path path, FieldVector vector, long count) throws CheckpointFormatException {
        String name = vector.getName();
        if (vector.getValueCount() < count) {
            throw corrupt(path, name, "holds " + vector.getValueCount() + " values, the batch has " + count + " rows");
        }
        if (vector instanceof BaseFixedWidthVector fixed) {
            long needed = count * fixed.getTypeWidth();
            if (fixed.getDataBuffer().capacity() < needed) {
                throw corrupt(path, name, "data buffer holds " + fixed.getDataBuffer().capacity() + " bytes, " + needed + " needed");
            }
            checkValidity(path, vector, count);
        } else if (vector instanceof FixedSizeListVector list) {
            checkValidity(path, vector, count);
            check(path, (FieldVector) list.getDataVector(), count * list.getListSize());
        } else if (vector instanceof ListVector list) {
            checkValidity(path, vector, count);
            long end = checkOffsets(path, name, list.getOffsetBuffer(), count, Integer.BYTES, list.getDataVector().getValueCount());
            check(path, list.getDataVector(), end);
        } else if (vector instanceof LargeListVector list) {
            checkValidity(path, vector, count);
            long end = checkOffsets(path, name, list.getOffsetBuffer(), count, Long.BYTES, list.getDataVector().getValueCount());
            check(path, list.getDataVector(), end);
        } else if (vector instanceof BaseVariableWidthViewVector views) {
            checkValidity(path, vector, count);
            checkViews(path, views, count);
        } else if (vector instanceof BaseVariableWidthVector text) {
            checkValidity(path, vector, count);
            long offsetBytes = (count + 1) * BaseVariableWidthVector.OFFSET_WIDTH;
            if (count > 0 && text.getOffsetBuffer().capacity() < offsetBytes) {
                throw corrupt(path, name, "offset buffer is too short");
            }
            long previous = count > 0 ? text.getOffsetBuffer().getInt(0) : 0;
            if (previous < 0) {
                throw corrupt(path, name, "has a negative offset");
            }
            for (long i = 1; i <= count; i++) {
                long offset = text.getOffsetBuffer().getInt(i * BaseVariableWidthVector.OFFSET_WIDTH);
                if (offset < previous || offset > text.getDataBuffer().capacity()) {
                    throw corrupt(path, name, "has an offset outside its data");
                }
                previous = offset;
            }
        } else if (vector instanceof BaseLargeVariableWidthVector text) {
            checkValidity(path, vector, count);
            long offsetBytes = (count + 1) * BaseLargeVariableWidthVector.OFFSET_WIDTH;
            if (count > 0 && text.getOffsetBuffer().capacity() < offsetBytes) {
                throw corrupt(path, name, "offset buffer is too short");
            }
            long previous = count > 0 ? text.getOffsetBuffer().getLong(0) : 0;
            if (previous < 0) {
                throw corrupt(path, name, "has a negative offset");
            }
            for (long i = 1; i <= count; i++) {
                long offset = text.getOffsetBuffer().getLong(i * BaseLargeVariableWidthVector.OFFSET_WIDTH);
                if (offset < previous || offset > text.getDataBuffer().capacity()) {
                    throw corrupt(path, name, "has an offset outside its data");
                }
                previous = offset;
            }
        }
    }

    /** Offsets of a list: non-negative, non-decreasing, the last within the child; returns the last. */
    private static long checkOffsets(Path path, String name, ArrowBuf offsets, long count, int width, long childCount)
            throws CheckpointFormatException {
        if (count == 0) {
            return 0;
        }
        if (offsets.capacity() < (count + 1) * width) {
            throw corrupt(path, name, "offset buffer is too short");
        }
        long previous = width == Integer.BYTES ? offsets.getInt(0) : offsets.getLong(0);
        if (previous < 0) {
            throw corrupt(path, name, "has a negative offset");
        }
        for (long i = 1; i <= count; i++) {
            long offset = width == Integer.BYTES ? offsets.getInt(i * width) : offsets.getLong(i * width);
            if (offset < previous || offset > childCount) {
                throw corrupt(path, name, "has an offset outside its values");
            }
            previous = offset;
        }
        return previous;
    }

    /**
     * String views (Arrow columnar format, "Variable-size Binary View Layout"): 16 bytes per row,
     * int32 length first; longer than 12 bytes, then a prefix, a buffer index and an offset.
     */
    private static void checkViews(Path path, BaseVariableWidthViewVector views, long count) throws CheckpointFormatException {
        String name = views.getName();
        ArrowBuf buffer = views.getDataBuffer();
        if (buffer.capacity() < count * BaseVariableWidthViewVector.ELEMENT_SIZE) {
            throw corrupt(path, name, "view buffer is too short");
        }
        for (int row = 0; row < count; row++) {
            if (views.isNull(row)) {
                continue;
            }
            long view = (long) row * BaseVariableWidthViewVector.ELEMENT_SIZE;
            int length = buffer.getInt(view);
            if (length < 0) {
                throw corrupt(path, name, "has a negative length");
            }
            if (length > BaseVariableWidthViewVector.INLINE_SIZE) {
                int index = buffer.getInt(view + 8);
                long offset = buffer.getInt(view + 12) & 0xFFFFFFFFL;
                if (index < 0 || index >= views.getDataBuffers().size()
                        || offset + length > views.getDataBuffers().get(index).capacity()) {
                    throw corrupt(path, name, "has a view outside its data");
                }
            }
        }
    }

    private static void checkValidity(Path path, FieldVector vector, long count) throws CheckpointFormatException {
        long needed = (count + 7) / 8;
        if (vector.getNullCount() > 0 && vector.getValidityBuffer().capacity() < needed) {
            throw corrupt(path, vector.getName(), "validity buffer is too short");
        }
    }

    private static CheckpointFormatException corrupt(Path path, String column, String reason) {
        return new CheckpointFormatException(path, "not a readable Arrow file: truncated or corrupt (column '" + column + "' " + reason + ")");
    }
}
