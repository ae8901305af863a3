package org.shapescope.analysis.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shapescope.analysis.format.CheckpointWriter.Compression;
import org.shapescope.analysis.format.CheckpointWriter.Container;

class CheckpointRoundTripTest {
    private static final int TOKENS = 37;
    private static final int HIDDEN = 24;

    @TempDir
    Path dir;

    static List<Arguments> layouts() {
        List<Arguments> all = new java.util.ArrayList<>();
        for (ElementType type : ElementType.values()) {
            for (Container container : Container.values()) {
                for (Compression compression : Compression.values()) {
                    for (int batchRows : new int[] {0, 10}) {
                        all.add(Arguments.of(type, container, compression, batchRows));
                    }
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} {2} batchRows={3}")
    @MethodSource("layouts")
    void everyLayoutReadsBackWhatWasWritten(ElementType type, Container container, Compression compression, int batchRows)
            throws Exception {
        Path file = dir.resolve("step-000512." + (container == Container.FILE ? "arrow" : "arrows"));
        CheckpointWriter.Options options = CheckpointWriter.Options.defaults().withElementType(type).withContainer(container)
                .withCompression(compression).withMaxBatchRows(batchRows).withMetadata(Map.of("model", "test"));
        List<Integer> order = List.of(3, 0, 2, 1);
        try (CheckpointWriter writer = CheckpointWriter.create(file, 512, HIDDEN, options)) {
            for (int layer : order) {
                writer.writeLayer(TestLayers.gaussian(layer, TOKENS, HIDDEN, 7));
            }
        }
        try (CheckpointFile checkpoint = CheckpointFile.open(file)) {
            assertThat(checkpoint.isStreamFormat()).isEqualTo(container == Container.STREAM);
            assertThat(checkpoint.elementType()).isEqualTo(type);
            assertThat(checkpoint.hiddenSize()).isEqualTo(HIDDEN);
            assertThat(checkpoint.layers()).containsExactly(0, 1, 2, 3);
            assertThat(checkpoint.tokensPerLayer()).containsOnly(Map.entry(0, TOKENS), Map.entry(1, TOKENS),
                    Map.entry(2, TOKENS), Map.entry(3, TOKENS));
            assertThat(checkpoint.stepFromMetadata()).hasValue(512);
            assertThat(checkpoint.schemaMetadata()).containsEntry("model", "test");
            assertThat(checkpoint.batchCount()).isEqualTo(order.size() * (batchRows == 0 ? 1 : (TOKENS + batchRows - 1) / batchRows));
            for (int layer : order) {
                LayerData expected = TestLayers.gaussian(layer, TOKENS, HIDDEN, 7);
                LayerData actual = checkpoint.readLayer(layer);
                assertThat(actual.tokens()).isEqualTo(TOKENS);
                for (int i = 0; i < expected.values().length; i++) {
                    float want = type == ElementType.FLOAT16 ? Float16.toFloat(Float16.fromFloat(expected.values()[i]))
                            : expected.values()[i];
                    assertThat(actual.values()[i]).isEqualTo(want);
                }
                assertThat(actual.sequence()).isEqualTo(expected.sequence());
                assertThat(actual.position()).isEqualTo(expected.position());
                assertThat(actual.tokenId()).isEqualTo(expected.tokenId());
                assertThat(actual.tokenText()).isEqualTo(expected.tokenText());
            }
        }
    }
}
