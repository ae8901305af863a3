package org.shapescope.analysis.format;

import java.nio.file.Path;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;

/**
 * Checks a loaded record batch's buffers against its row count before any value is read: fixed
 * width data long enough, list children long enough, variable-width offsets non-decreasing and
 * inside their data buffer. (Arrow Java's own full validation does not know float16 vectors.)
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
