package org.shapescope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    @Test
    void csvHasOneRowPerCellAndTheDocumentedColumns() throws Exception {
        InspectCommandTest.writeRun(dir, 3, 2, 60, 8);
        CliRunner result = CliRunner.run("analyze", dir.toString(), "--tokens", "50", "--threads", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("step,layer,anisotropy,twonn,mle,pca_dim,tokens_used,tokens_dropped");
        assertThat(lines).hasSize(1 + 3 * 2);
        assertThat(lines.get(1)).startsWith("0,0,");
        assertThat(lines.get(6)).startsWith("32,1,");
        String[] cells = lines.get(1).split(",");
        assertThat(Double.parseDouble(cells[2])).isBetween(0.0, 1.0);
        assertThat(cells[6]).isEqualTo("60");
        assertThat(dir.resolve(".shapescope-cache/results.sqlite")).exists();
    }

    @Test
    void sameParametersGiveTheSameNumbersWithAndWithoutCache() throws Exception {
        InspectCommandTest.writeRun(dir, 2, 2, 80, 8);
        String fresh = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn,mle", "--no-cache").out();
        assertThat(dir.resolve(".shapescope-cache")).doesNotExist();
        String computed = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn,mle").out();
        String cached = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn,mle").out();
        assertThat(computed).isEqualTo(fresh).isEqualTo(cached);
    }

    @Test
    void jsonToAFileWithNotes() throws Exception {
        InspectCommandTest.writeRun(dir, 2, 2, 40, 8);
        Path out = dir.resolve("out.json");
        CliRunner result = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,isoscore,phd", "--format", "json",
                "--out", out.toString(), "--no-cache");
        // PHD needs 131 distinct tokens: on 40 its cells are empty, which the exit status and one line say
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("shapescope: 4 values are empty (NaN), e.g. step ")
                .contains("phd: PHD needs at least 131 distinct finite tokens, got 40").doesNotContain("\n");
        JsonNode report = new ObjectMapper().readTree(Files.readString(out));
        assertThat(report.get("metrics")).hasSize(3);
        assertThat(report.get("cells")).hasSize(4);
        assertThat(report.get("cells").get(0).has("isoscore")).isTrue();
        assertThat(report.get("cells").get(0).get("phd").isNull()).isTrue();
        assertThat(report.get("cells").get(0).get("notes").get("phd").asText()).contains("PHD needs at least");
    }

    @Test
    void unknownMetricIsAOneLineError() throws Exception {
        InspectCommandTest.writeRun(dir, 1, 1, 20, 4);
        CliRunner result = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,entropy");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("shapescope: unknown metric 'entropy'").doesNotContain("\n");
    }

    @Test
    void brokenCheckpointIsReportedAndTheRestAnalysed() throws Exception {
        InspectCommandTest.writeRun(dir, 2, 2, 40, 8);
        Files.writeString(dir.resolve("step-000099.arrow"), "junk");
        CliRunner result = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy", "--no-cache");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("step-000099.arrow");
        assertThat(result.out().lines()).hasSize(1 + 4);
    }

    @Test
    void cachedOnlyListsWhatTheStoreHoldsWithoutComputing() throws Exception {
        InspectCommandTest.writeRun(dir, 2, 2, 80, 8);
        CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy");
        CliRunner partial = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn", "--cached-only");
        assertThat(partial.exitCode()).as(partial.err()).isEqualTo(1);
        assertThat(partial.err()).contains("the store lacks values of 4 of 4 cells (left empty)");
        List<String> rows = partial.out().lines().toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.subList(1, 5)).allSatisfy(row -> assertThat(row.split(",", -1)[3]).as(row).isEmpty());
        String computed = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn").out();
        CliRunner complete = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn", "--cached-only");
        assertThat(complete.exitCode()).as(complete.err()).isZero();
        assertThat(complete.out()).isEqualTo(computed);
        Path elsewhere = dir.resolve("elsewhere.sqlite");
        CliRunner empty = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy", "--cached-only",
                "--store", elsewhere.toString());
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("lacks values of 4 of 4 cells");
    }

    @Test
    void theLastLayerOfALayerComparisonIsNotAnEmptyValue() throws Exception {
        InspectCommandTest.writeRun(dir, 1, 3, 60, 8);
        CliRunner result = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,linearity", "--no-cache");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> rows = result.out().lines().toList();
        assertThat(rows.get(3).split(",")[3]).as("layer 2 has no layer 3 to compare with").isEqualTo("NaN");
        assertThat(Double.parseDouble(rows.get(1).split(",")[3])).isBetween(0.0, 1.0);
    }

    @Test
    void oneResampleGivesTheSameBytesAsNoResamples() throws Exception {
        InspectCommandTest.writeRun(dir, 2, 2, 80, 8);
        for (String format : List.of("csv", "json")) {
            String plain = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn,mle,gride", "--tokens", "50",
                    "--format", format, "--no-cache").out();
            String one = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn,mle,gride", "--tokens", "50",
                    "--format", format, "--no-cache", "--resamples", "1").out();
            assertThat(one).as(format).isEqualTo(plain).doesNotContain("_std").doesNotContain("resamples");
        }
    }

    @Test
    void resamplesAddAStdColumnAfterEachResampledMetric() throws Exception {
        InspectCommandTest.writeRun(dir, 2, 2, 80, 8);
        CliRunner result = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn,mle", "--tokens", "50",
                "--resamples", "5");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "step,layer,anisotropy,anisotropy_std,twonn,twonn_std,mle,mle_std,tokens_used,tokens_dropped");
        String[] cells = lines.get(1).split(",");
        assertThat(Double.parseDouble(cells[3])).as("anisotropy_std (bootstrap of the rows)").isPositive();
        assertThat(Double.parseDouble(cells[5])).as("twonn_std").isPositive();
        assertThat(Double.parseDouble(cells[7])).as("mle_std").isPositive();

        String single = CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy", "--tokens", "50").out();
        assertThat(single.lines().skip(1).map(l -> l.split(",")[2]).toList()).as("anisotropy keeps its value on all tokens")
                .isEqualTo(lines.stream().skip(1).map(l -> l.split(",")[2]).toList());

        JsonNode report = new ObjectMapper().readTree(CliRunner.run("analyze", dir.toString(), "--metrics", "anisotropy,twonn",
                "--tokens", "50", "--resamples", "5", "--format", "json").out());
        assertThat(report.get("parameters").get("resamples").asInt()).isEqualTo(5);
        JsonNode cell = null;
        for (JsonNode candidate : report.get("cells")) {
            if (candidate.get("step").asText().equals(cells[0]) && candidate.get("layer").asText().equals(cells[1])) {
                cell = candidate;
            }
        }
        assertThat(cell).as("the CSV's first cell in the JSON").isNotNull();
        assertThat(cell.get("twonn_std").asDouble()).isEqualTo(Double.parseDouble(cells[5]));
        assertThat(cell.get("anisotropy_std").asDouble()).isEqualTo(Double.parseDouble(cells[3]));
        assertThat(cell.get("notes").get("anisotropy").asText()).contains("bootstrap std over 5 row resamples");
        assertThat(cell.get("notes").get("twonn").asText()).contains("mean ± std over 5 resamples (seeds 0–4)");
    }
}
