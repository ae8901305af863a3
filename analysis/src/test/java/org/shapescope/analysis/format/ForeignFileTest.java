package org.shapescope.analysis.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shapescope.analysis.geometry.CellAnalyzer;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Estimators;

/** Files not written by Shapescope: no footer index, int16 layer column, layers mixed within batches. */
class ForeignFileTest {
    /** Float16 keeps 11 significant bits: relative rounding error at most 2^-11 (IEEE 754 binary16). */
    private static final double FLOAT16_RELATIVE_ERROR = 0x1p-11;
    /** JS Math.sin and Java Math.sin agree to 1 ulp in double; after rounding to float32, well within 1e-6. */
    private static final double FLOAT32_TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    @Test
    void layersInterleavedWithinBatchesWithoutIndex() throws Exception {
        Path file = dir.resolve("foreign.arrow");
        int hidden = 3;
        // Rows cycle through layers 0,1,2; two batches of 7 rows; value = 100*layer + row-within-layer.
        try (BufferAllocator allocator = new RootAllocator()) {
            Field item = new Field("item", FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null);
            Schema schema = new Schema(List.of(
                    new Field("embedding", FieldType.notNullable(new ArrowType.FixedSizeList(hidden)), List.of(item)),
                    new Field("layer", FieldType.notNullable(new ArrowType.Int(16, true)), null),
                    new Field("extra", FieldType.nullable(new ArrowType.Int(8, true)), null)), Map.of("step", "42"));
            try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
                 FileOutputStream out = new FileOutputStream(file.toFile());
                 ArrowFileWriter writer = new ArrowFileWriter(root, null, out.getChannel())) {
                writer.start();
                int[] seen = new int[3];
                for (int batch = 0; batch < 2; batch++) {
                    root.allocateNew();
                    SmallIntVector layers = (SmallIntVector) root.getVector("layer");
                    FixedSizeListVector embedding = (FixedSizeListVector) root.getVector("embedding");
                    Float4Vector data = (Float4Vector) embedding.getDataVector();
                    data.allocateNew(7 * hidden);
                    for (int r = 0; r < 7; r++) {
                        int layer = (batch * 7 + r) % 3;
                        layers.setSafe(r, layer);
                        embedding.setNotNull(r);
                        for (int c = 0; c < hidden; c++) {
                            data.setSafe(r * hidden + c, 100 * layer + seen[layer] + c / 10f);
                        }
                        seen[layer]++;
                    }
                    data.setValueCount(7 * hidden);
                    root.setRowCount(7);
                    writer.writeBatch();
                }
                writer.end();
            }
        }
        try (CheckpointFile checkpoint = CheckpointFile.open(file)) {
            assertThat(checkpoint.tokensPerLayer()).containsExactly(Map.entry(0, 5), Map.entry(1, 5), Map.entry(2, 4));
            assertThat(checkpoint.stepFromMetadata()).hasValue(42);
            assertThat(checkpoint.tokenColumns()).isEmpty();
            LayerData layer2 = checkpoint.readLayer(2);
            for (int r = 0; r < 4; r++) {
                assertThat(layer2.get(r, 0)).isEqualTo(200f + r);
                assertThat(layer2.get(r, 2)).isEqualTo(200f + r + 0.2f);
            }
            assertThat(layer2.sequence()).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"js-float16-file.arrow", "js-float16-stream.arrows", "js-float32-file.arrow", "js-float32-stream.arrows"})
    void filesWrittenByArrowJavaScriptReadCorrectly(String name) throws Exception {
        Path file = Path.of(getClass().getResource("/js-arrow/" + name).toURI());
        boolean half = name.contains("float16");
        try (CheckpointFile checkpoint = CheckpointFile.open(file)) {
            assertThat(checkpoint.elementType()).isEqualTo(half ? ElementType.FLOAT16 : ElementType.FLOAT32);
            assertThat(checkpoint.hiddenSize()).isEqualTo(6);
            assertThat(checkpoint.batchCount()).isEqualTo(9);
            assertThat(checkpoint.tokensPerLayer()).containsExactly(Map.entry(0, 10), Map.entry(1, 10), Map.entry(2, 10));
            assertThat(checkpoint.stepFromMetadata()).hasValue(512);
            for (int layer = 0; layer < 3; layer++) {
                LayerData data = checkpoint.readLayer(layer);
                for (int r = 0; r < 10; r++) {
                    for (int c = 0; c < 6; c++) {
                        // The formula of make_fixtures.mjs.
                        double expected = Math.sin(1.3 * layer + 0.7 * r + 0.11 * c) * (1 + layer);
                        double tolerance = half ? Math.abs(expected) * FLOAT16_RELATIVE_ERROR + 1e-7 : FLOAT32_TOLERANCE;
                        assertThat((double) data.get(r, c)).isCloseTo(expected, within(tolerance));
                    }
                }
                assertThat(data.position()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
                assertThat(data.tokenText()[3]).isEqualTo("tok3");
            }
        }
    }

    /** Validity bitmaps written by Arrow JS: a null element or a null row reads as NaN, and the measures drop its token. */
    @Test
    void nullElementsAndRowsWrittenByArrowJavaScriptReadAsNaN() throws Exception {
        Path file = Path.of(getClass().getResource("/js-arrow/js-float32-nulls-file.arrow").toURI());
        try (CheckpointFile checkpoint = CheckpointFile.open(file)) {
            for (int layer = 0; layer < 3; layer++) {
                LayerData data = checkpoint.readLayer(layer);
                int rowsWithNull = 0;
                for (int r = 0; r < 10; r++) {
                    boolean nullRow = layer == 1 && r == 6;
                    boolean anyNull = nullRow;
                    for (int c = 0; c < 6; c++) {
                        // The null rule of make_fixtures.mjs.
                        if (nullRow || (r * 6 + c) % 23 == 5) {
                            anyNull = true;
                            assertThat(data.get(r, c)).as("layer %d row %d col %d", layer, r, c).isNaN();
                        } else {
                            double expected = Math.sin(1.3 * layer + 0.7 * r + 0.11 * c) * (1 + layer);
                            assertThat((double) data.get(r, c)).isCloseTo(expected, within(FLOAT32_TOLERANCE));
                        }
                    }
                    rowsWithNull += anyNull ? 1 : 0;
                }
                assertThat(rowsWithNull).isEqualTo(layer == 1 ? 4 : 3);
                MeasureResult anisotropy = CellAnalyzer.analyze(data.values(), 10, 6, Estimators.of("anisotropy"),
                        MeasureParameters.defaults(), () -> false).get("anisotropy");
                assertThat(anisotropy.tokensUsed()).isEqualTo(10 - rowsWithNull);
                assertThat(anisotropy.tokensDropped()).isEqualTo(rowsWithNull);
            }
        }
    }
}
