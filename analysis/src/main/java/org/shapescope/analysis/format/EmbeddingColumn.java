package org.shapescope.analysis.format;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Row access to the {@code embedding} column of a loaded record batch, whatever list type holds
 * it. In the Arrow columnar format a FixedSizeList row {@code r} of size {@code n} is child values
 * {@code [r·n, (r+1)·n)}; a List (int32 offsets) or LargeList (int64 offsets) row {@code r} is
 * child values {@code [offset[r], offset[r+1])}. Offsets have been checked by
 * {@link BatchValidation} before this reads them.
 */
final class EmbeddingColumn {
    private final FieldVector list;
    private final FieldVector data;
    private final CheckpointSchema.EmbeddingLayout layout;
    private final int fixedSize;

    private EmbeddingColumn(FieldVector list, FieldVector data, CheckpointSchema.EmbeddingLayout layout, int fixedSize) {
        this.list = list;
        this.data = data;
        this.layout = layout;
        this.fixedSize = fixedSize;
    }

    static EmbeddingColumn of(VectorSchemaRoot root) {
        FieldVector vector = root.getVector(CheckpointSchema.EMBEDDING);
        if (vector instanceof FixedSizeListVector fixed) {
            return new EmbeddingColumn(fixed, (FieldVector) fixed.getDataVector(), CheckpointSchema.EmbeddingLayout.FIXED_SIZE_LIST,
                    fixed.getListSize());
        }
        if (vector instanceof ListVector list) {
            return new EmbeddingColumn(list, list.getDataVector(), CheckpointSchema.EmbeddingLayout.LIST, 0);
        }
        LargeListVector large = (LargeListVector) vector;
        return new EmbeddingColumn(large, large.getDataVector(), CheckpointSchema.EmbeddingLayout.LARGE_LIST, 0);
    }

    /** The child vector holding every row's values back to back. */
    FieldVector data() {
        return data;
    }

    boolean isNull(int row) {
        return list.isNull(row);
    }

    /** Index in {@link #data()} of the row's first value. */
    long start(int row) {
        return switch (layout) {
            case FIXED_SIZE_LIST -> (long) row * fixedSize;
            case LIST -> list.getOffsetBuffer().getInt((long) row * Integer.BYTES);
            case LARGE_LIST -> list.getOffsetBuffer().getLong((long) row * Long.BYTES);
        };
    }

    /** Number of values in the row. */
    long length(int row) {
        return switch (layout) {
            case FIXED_SIZE_LIST -> fixedSize;
            case LIST, LARGE_LIST -> start(row + 1) - start(row);
        };
    }
}
