package org.shapescope.analysis.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One pass over a checkpoint file's record batches, one batch at a time: which layers each batch
 * holds and how many rows of each, and, for a List or LargeList embedding (whose schema does not
 * say the hidden size), the row length, which every non-null row must share. The first row of
 * another length is an error naming the layer and the row's index within its layer.
 */
final class LayerScan {
    private final Path path;
    private final boolean learnLength;
    private final List<SortedMap<Integer, Integer>> batches = new ArrayList<>();
    private final Map<Integer, Integer> rowsSeen = new HashMap<>();
    private long hiddenSize;

    LayerScan(Path path, CheckpointSchema schema) {
        this.path = path;
        this.learnLength = schema.layout() != CheckpointSchema.EmbeddingLayout.FIXED_SIZE_LIST;
        this.hiddenSize = schema.hiddenSize();
    }

    /** Indexes the next batch. */
    void add(VectorSchemaRoot root) throws CheckpointFormatException {
        BatchValidation.check(path, root);
        int batch = batches.size();
        BaseIntVector layerColumn = (BaseIntVector) root.getVector(CheckpointSchema.LAYER);
        FieldVector layerVector = (FieldVector) layerColumn;
        EmbeddingColumn embedding = learnLength ? EmbeddingColumn.of(root) : null;
        SortedMap<Integer, Integer> counts = new TreeMap<>();
        int rowCount = root.getRowCount();
        for (int row = 0; row < rowCount; row++) {
            if (layerVector.isNull(row)) {
                throw new CheckpointFormatException(path, "column 'layer' is null in batch " + batch + ", row " + row);
            }
            int layer = CheckpointSchema.layerIndex(path, layerColumn.getValueAsLong(row));
            counts.merge(layer, 1, Integer::sum);
            int rowInLayer = rowsSeen.merge(layer, 1, Integer::sum) - 1;
            if (embedding != null && !embedding.isNull(row)) {
                checkLength(embedding.length(row), layer, rowInLayer);
            }
        }
        batches.add(counts);
    }

    private void checkLength(long length, int layer, int rowInLayer) throws CheckpointFormatException {
        if (hiddenSize == 0) {
            if (length == 0) {
                throw new CheckpointFormatException(path, "layer " + layer + ", row " + rowInLayer + ": 'embedding' is an empty list");
            }
            if (length > Integer.MAX_VALUE - 8) {
                throw new CheckpointFormatException(path, "layer " + layer + ", row " + rowInLayer + ": 'embedding' holds " + length
                        + " values, more than one Java array holds");
            }
            hiddenSize = length;
        } else if (length != hiddenSize) {
            throw new CheckpointFormatException(path, "layer " + layer + ", row " + rowInLayer + ": 'embedding' holds " + length
                    + " values, the rows before it hold " + hiddenSize + " (every row must have the same length)");
        }
    }

    /** Per batch, in file order: layer → rows. */
    List<SortedMap<Integer, Integer>> batches() {
        return batches;
    }

    /** The common row length (0 when no row was seen). */
    int hiddenSize() {
        return (int) hiddenSize;
    }
}
