package org.shapescope.analysis.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shapescope.analysis.geometry.CellAnalyzer;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.run.Checkpoint;
import org.shapescope.analysis.run.Problem;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunInspection;

/**
 * Checkpoints written by pyarrow, pandas, polars and Hugging Face datasets in their default ways and in common variants
 * (test resources {@code writers/}, made by {@code writers/make_fixtures.py}, writer versions in
 * {@code writers/VERSIONS.txt}): every value read equals the recipe's formula, and anisotropy
 * equals numpy's.
 */
class WriterFixtureTest {
    /**
     * Shapescope's anisotropy (float64 scatter of the float32 values, symmetric eigensolver) against
     * numpy's eigvalsh of the same values in float64: both are backward stable, so they agree to
     * ~1e-12 here; 1e-4 is the bar of issue 11.
     */
    private static final double ANISOTROPY_TOLERANCE = 1e-4;
    private static final int TOKENS = 50;
    private static final int HIDDEN = 8;
    /** Elements that make_fixtures.py stores as null (or NaN) in the null-element cases: layer, row, column. */
    private static final int[][] MISSING = {{1, 3, 2}, {1, 17, 0}, {1, 17, 5}, {0, 5, 7}};
    /** Rows that make_fixtures.py stores as null in the null-row case: layer, row. */
    private static final int[][] NULL_ROWS = {{0, 20}, {1, 10}};

    /** Which values a case stores as null or NaN. */
    enum Missing { NONE, ELEMENTS, ROWS }
    private static final List<String> ALL_TOKEN_COLUMNS = List.of("sequence", "position", "token_id", "token");

    /** The recipe's formula (make_fixtures.py, value()): every value a multiple of 1/8, exact in float16. */
    static double value(int k, int layer, int row, int col) {
        double u = (Math.floorMod(37 * row + 11 * k + 5 * layer, 29) - 14) / 4.0;
        double direction = (col % 3 + 1) / 2.0;
        double w = (Math.floorMod(13 * row + 7 * col + 3 * layer + k, 17) - 8) / 8.0;
        return u * direction + w;
    }

    static Path run(String name) {
        try {
            return Path.of(WriterFixtureTest.class.getResource("/writers/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> readableCases() {
        return Stream.of(
                Arguments.of("pyarrow-list-feather", ElementType.FLOAT32, 3, Missing.NONE),
                Arguments.of("pyarrow-tolist-float64", ElementType.FLOAT64, 2, Missing.NONE),
                Arguments.of("pyarrow-float16-list-stream", ElementType.FLOAT16, 2, Missing.NONE),
                Arguments.of("pyarrow-large-list", ElementType.FLOAT32, 2, Missing.NONE),
                Arguments.of("pyarrow-string-view", ElementType.FLOAT32, 2, Missing.NONE),
                Arguments.of("pyarrow-dictionary", ElementType.FLOAT32, 2, Missing.NONE),
                Arguments.of("pyarrow-from-pandas-nulls", ElementType.FLOAT32, 2, Missing.ELEMENTS),
                Arguments.of("pyarrow-list-null-rows-chunked", ElementType.FLOAT32, 2, Missing.ROWS),
                Arguments.of("pandas-to-feather", ElementType.FLOAT32, 2, Missing.NONE),
                Arguments.of("pandas-nan-to-feather", ElementType.FLOAT32, 2, Missing.ELEMENTS),
                Arguments.of("polars-list-write-ipc", ElementType.FLOAT32, 2, Missing.NONE),
                Arguments.of("polars-array-categorical-stream", ElementType.FLOAT32, 2, Missing.NONE),
                Arguments.of("polars-float64-list-zstd", ElementType.FLOAT64, 2, Missing.NONE),
                Arguments.of("hf-datasets-save-to-disk", ElementType.FLOAT32, 2, Missing.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableCases")
    void everyValueAndTokenColumnReadsAsTheRecipeWroteIt(String name, ElementType type, int checkpoints, Missing missing)
            throws Exception {
        RunFolder run = RunFolder.open(run(name));
        assertThat(run.problems()).isEmpty();
        assertThat(run.steps()).containsExactly(Stream.of(0L, 512L, 1024L).limit(checkpoints).mapToLong(Long::longValue).toArray());
        for (int k = 0; k < checkpoints; k++) {
            Checkpoint checkpoint = run.checkpoints().get(k);
            assertThat(checkpoint.elementType()).isEqualTo(type);
            assertThat(checkpoint.hiddenSize()).isEqualTo(HIDDEN);
            assertThat(checkpoint.tokensPerLayer()).containsExactly(Map.entry(0, TOKENS), Map.entry(1, TOKENS));
            try (CheckpointFile file = CheckpointFile.open(checkpoint.file())) {
                assertThat(file.tokenColumns()).containsExactlyInAnyOrderElementsOf(ALL_TOKEN_COLUMNS);
                assertThat(file.warnings()).isEmpty();
            }
            for (int layer = 0; layer < 2; layer++) {
                LayerData data = checkpoint.readLayer(layer);
                assertValues(data, k, layer, missing);
                for (int r = 0; r < TOKENS; r++) {
                    assertThat(data.tokenId()[r]).isEqualTo(3L * r + 1);
                    assertThat(data.sequence()[r]).isEqualTo(r / 10);
                    assertThat(data.position()[r]).isEqualTo(r % 10);
                    assertThat(data.tokenText()[r]).isEqualTo(r % 10 == 7 ? "ü" + r : "tok" + r);
                }
            }
        }
    }

    private static void assertValues(LayerData data, int k, int layer, Missing missing) {
        assertThat(data.tokens()).isEqualTo(TOKENS);
        Set<Integer> nanAt = Stream.of(MISSING).filter(m -> missing == Missing.ELEMENTS && m[0] == layer).map(m -> m[1] * HIDDEN + m[2])
                .collect(Collectors.toSet());
        Stream.of(NULL_ROWS).filter(m -> missing == Missing.ROWS && m[0] == layer)
                .forEach(m -> IntStream.range(0, HIDDEN).forEach(c -> nanAt.add(m[1] * HIDDEN + c)));
        for (int r = 0; r < TOKENS; r++) {
            for (int c = 0; c < HIDDEN; c++) {
                float read = data.get(r, c);
                if (nanAt.contains(r * HIDDEN + c)) {
                    assertThat(read).as("layer %d row %d col %d", layer, r, c).isNaN();
                } else {
                    assertThat((double) read).as("layer %d row %d col %d", layer, r, c).isEqualTo(value(k, layer, r, c));
                }
            }
        }
    }

    /** Every readable cell of anisotropy.csv, computed by numpy in make_fixtures.py. */
    @Test
    void anisotropyEqualsNumpysOnEveryCell() throws Exception {
        List<String> lines = Files.readAllLines(run("anisotropy.csv"));
        assertThat(lines.get(0)).isEqualTo("case,step,layer,rows,anisotropy");
        int cells = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String name = f[0];
            if (name.equals("pyarrow-ragged")) {
                continue; // only its good file is listed; the run is checked in raggedRowIsAnErrorNamingFileLayerAndRow
            }
            Checkpoint checkpoint = RunFolder.open(run(name)).checkpoint(Long.parseLong(f[1])).orElseThrow();
            LayerData data = checkpoint.readLayer(Integer.parseInt(f[2]));
            MeasureResult result = CellAnalyzer.analyze(data.values(), data.tokens(), data.hiddenSize(), Estimators.of("anisotropy"),
                    MeasureParameters.defaults(), () -> false).get("anisotropy");
            assertThat(result.tokensUsed()).as(line).isEqualTo(Integer.parseInt(f[3]));
            assertThat(result.value()).as(line).isCloseTo(Double.parseDouble(f[4]), within(ANISOTROPY_TOLERANCE));
            cells++;
        }
        assertThat(cells).isEqualTo(74);
    }

    @Test
    void nullElementsAreDroppedRowsReportedAsNullOrNaN() throws Exception {
        for (String name : List.of("pyarrow-from-pandas-nulls", "pandas-nan-to-feather")) {
            RunInspection inspection = RunInspection.of(RunFolder.open(run(name)), true);
            assertThat(inspection.problems()).extracting(Problem::message).containsExactly(
                    "layer 0 has 1 null or NaN value in 1 of 50 tokens (those tokens are dropped by the measures)",
                    "layer 1 has 3 null or NaN values in 2 of 50 tokens (those tokens are dropped by the measures)",
                    "layer 0 has 1 null or NaN value in 1 of 50 tokens (those tokens are dropped by the measures)",
                    "layer 1 has 3 null or NaN values in 2 of 50 tokens (those tokens are dropped by the measures)");
            assertThat(inspection.exitStatus()).isEqualTo(RunInspection.PARTLY_USABLE);
        }
    }

    @Test
    void optionalColumnsOfUnusableTypesAreIgnoredWithOneWarningEach() throws Exception {
        RunFolder run = RunFolder.open(run("pyarrow-unusable-optional"));
        assertThat(run.steps()).containsExactly(0, 512);
        List<String> expected = List.of(
                "column 'position' is float64, not an integer type: the column is ignored",
                "column 'token_id' is utf8, not an integer type: the column is ignored",
                "column 'token' is int64, not utf8, large utf8 or utf8 view (dictionary-encoded or not): the column is ignored");
        for (Checkpoint checkpoint : run.checkpoints()) {
            assertThat(run.problems()).filteredOn(p -> p.file().equals(checkpoint.file()))
                    .allMatch(p -> p.severity() == Problem.Severity.WARNING)
                    .extracting(Problem::message).containsExactlyInAnyOrderElementsOf(expected);
            LayerData data = checkpoint.readLayer(1);
            assertThat(data.position()).isNull();
            assertThat(data.tokenId()).isNull();
            assertThat(data.tokenText()).isNull();
            assertThat(data.sequence()[49]).isEqualTo(4);
            assertValues(data, checkpoint.step() == 0 ? 0 : 1, 1, Missing.NONE);
        }
    }

    @Test
    void stepMetadataThatIsNotAWholeNumberFallsBackToTheFileName() throws Exception {
        RunFolder run = RunFolder.open(run("pyarrow-step-metadata"));
        assertThat(run.steps()).containsExactly(0, 7, 512, 2048);
        Map<String, String> byFile = run.problems().stream().peek(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING))
                .collect(Collectors.toMap(p -> p.file().getFileName().toString(), Problem::message));
        assertThat(byFile).containsOnly(
                Map.entry("step-000512.arrow", "schema metadata 'step' is 'abc', not a whole number; the step 512 is taken from the file name"),
                Map.entry("checkpoint-7.arrow", "schema metadata 'step' is '123456789012345678901', not a whole number; the step 7"
                        + " is taken from the file name"),
                Map.entry("step-001024.arrow", "schema metadata 'step' is 2048, the file name says 1024; the metadata's step is used"));
        // step 0 had metadata "0.0", accepted; the recipe wrote checkpoint k = 0, 1, 2, 1 to these files
        int[] k = {0, 1, 1, 2};
        for (int i = 0; i < 4; i++) {
            assertValues(run.checkpoints().get(i).readLayer(0), k[i], 0, Missing.NONE);
        }
    }

    @Test
    void stepTextsAcceptedAndRefused() {
        assertThat(CheckpointFile.parseStep("512")).hasValue(512);
        assertThat(CheckpointFile.parseStep(" 512.0 ")).hasValue(512);
        assertThat(CheckpointFile.parseStep("0.0")).hasValue(0);
        assertThat(CheckpointFile.parseStep("5.12e2")).hasValue(512);
        assertThat(CheckpointFile.parseStep("9223372036854775807")).hasValue(Long.MAX_VALUE);
        for (String refused : List.of("512.5", "step512", "abc", "", "-1", "9223372036854775808", "123456789012345678901", "NaN")) {
            assertThat(CheckpointFile.parseStep(refused)).as(refused).isEmpty();
        }
    }

    @Test
    void raggedRowIsAnErrorNamingFileLayerAndRow() throws Exception {
        RunFolder run = RunFolder.open(run("pyarrow-ragged"));
        assertThat(run.steps()).containsExactly(0);
        assertThat(run.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
            assertThat(p.file().getFileName()).hasToString("step-000512.arrow");
            assertThat(p.message()).isEqualTo("layer 1, row 17: 'embedding' holds 7 values, the rows before it hold 8"
                    + " (every row must have the same length)");
        });
    }

    @Test
    void oneRowPerLayerHoldingAWholeTensorSaysWhatWasFoundAndWhatIsExpected() throws Exception {
        RunFolder run = RunFolder.open(run("pyarrow-tensor-per-row"));
        assertThat(run.checkpoints()).isEmpty();
        assertThat(RunInspection.of(run, true).exitStatus()).isEqualTo(RunInspection.UNUSABLE);
        Map<String, String> byFile = run.problems().stream()
                .collect(Collectors.toMap(p -> p.file().getFileName().toString(), Problem::message));
        assertThat(byFile.get("step-000000.arrow")).startsWith("every layer is a single row of 400 values: this looks like one whole"
                + " [tokens, hidden] tensor per layer; Shapescope expects one row per token and layer");
        assertThat(byFile.get("step-000512.arrow")).startsWith("column 'embedding' is list<list<float64>>, a list of lists: this looks"
                + " like one whole [tokens, hidden] tensor per row; Shapescope expects one row per token and layer");
    }

    @Test
    void layerWithFewerTokensThanTheEstimatorsNeedIsAProblemInInspect() throws Exception {
        RunFolder run = RunFolder.open(run("pyarrow-few-tokens"));
        assertThat(run.problems()).isEmpty();
        RunInspection inspection = RunInspection.of(run, false);
        assertThat(inspection.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message()).isEqualTo(
                "layer 1 has only 2 tokens, fewer than the estimators need (TwoNN 3, MLE more than its k = 20 by default):"
                        + " its cells stay empty"));
        assertThat(inspection.exitStatus()).isEqualTo(RunInspection.PARTLY_USABLE);
        assertThat(run.checkpoints().get(1).readLayer(1).tokens()).isEqualTo(2);
    }
}
