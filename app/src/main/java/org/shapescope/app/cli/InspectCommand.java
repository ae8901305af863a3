package org.shapescope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.shapescope.analysis.run.Checkpoint;
import org.shapescope.analysis.run.Problem;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunFolderException;
import org.shapescope.analysis.run.RunInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code shapescope inspect RUN}: what a run folder holds and everything wrong with it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Prints a run's name, architecture, checkpoints, layers, tokens, hidden size and dtype, "
                + "and every problem found, each naming its file.%n"
                + "Exit status: 0 usable, 1 problems but partly usable, 2 unusable.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "the run folder")
    Path run;

    @Option(names = "--json", description = "print JSON for machines")
    boolean json;

    @Option(names = "--quick", description = "skip reading the values (no NaN/Inf check)")
    boolean quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunFolder folder;
        try {
            folder = RunFolder.open(run);
        } catch (RunFolderException e) {
            if (json) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("folder", run.toAbsolutePath().toString());
                report.put("problems", List.of(Map.of("severity", "error", "file", e.folder().toString(), "message", e.getMessage())));
                report.put("exit_status", RunInspection.UNUSABLE);
                out.println(jsonWriter().writeValueAsString(report));
            } else {
                spec.commandLine().getErr().println("shapescope: " + e.getMessage());
            }
            return RunInspection.UNUSABLE;
        }
        RunInspection inspection = RunInspection.of(folder, !quick);
        if (json) {
            out.println(jsonWriter().writeValueAsString(toJson(inspection)));
        } else {
            printText(out, inspection);
        }
        return inspection.exitStatus();
    }

    static ObjectMapper jsonWriter() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static void printText(PrintWriter out, RunInspection inspection) {
        RunFolder run = inspection.run();
        row(out, "Run", run.metadata().name());
        row(out, "Folder", run.directory().toString());
        if (!run.metadata().model().isEmpty()) {
            row(out, "Model", run.metadata().model());
        }
        row(out, "Architecture", run.metadata().architecture().label());
        if (!run.metadata().description().isEmpty()) {
            row(out, "Description", run.metadata().description());
        }
        long[] steps = run.steps();
        row(out, "Checkpoints", steps.length + (steps.length == 0 ? "" : ": steps "
                + java.util.Arrays.stream(steps).mapToObj(Long::toString).collect(Collectors.joining(", "))));
        List<Integer> layers = run.layers();
        row(out, "Layers", layers.size() + (layers.isEmpty() ? "" : ": " + ranges(layers)));
        IntSummaryStatistics tokens = tokenStatistics(run);
        row(out, "Tokens", tokens.getCount() == 0 ? "none" : tokens.getMin() == tokens.getMax()
                ? tokens.getMin() + " per layer" : tokens.getMin() + " to " + tokens.getMax() + " per layer");
        row(out, "Hidden size", Integer.toString(run.hiddenSize()));
        row(out, "Dtype", String.join(", ", dtypes(run)));
        row(out, "Loss curve", run.loss().map(l -> l.size() + " points (loss.csv)").orElse("none"));
        Map<String, Object> extra = new LinkedHashMap<>(run.metadata().entries());
        List.of("name", "model", "architecture", "description").forEach(extra::remove);
        extra.forEach((key, value) -> row(out, "  " + key, String.valueOf(value)));
        if (inspection.problems().isEmpty()) {
            row(out, "Problems", "none");
        } else {
            row(out, "Problems", Integer.toString(inspection.problems().size()));
            for (Problem problem : inspection.problems()) {
                out.println("  " + problem);
            }
        }
        String verdict = switch (inspection.exitStatus()) {
            case RunInspection.USABLE -> "usable";
            case RunInspection.PARTLY_USABLE -> "partly usable";
            default -> "unusable";
        };
        row(out, "Verdict", verdict);
        out.flush();
    }

    private static Map<String, Object> toJson(RunInspection inspection) {
        RunFolder run = inspection.run();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("name", run.metadata().name());
        report.put("folder", run.directory().toString());
        report.put("model", run.metadata().model());
        report.put("architecture", run.metadata().architecture().label());
        report.put("metadata", run.metadata().entries());
        report.put("steps", run.steps());
        report.put("layers", run.layers());
        IntSummaryStatistics tokens = tokenStatistics(run);
        report.put("tokens_per_layer_min", tokens.getCount() == 0 ? 0 : tokens.getMin());
        report.put("tokens_per_layer_max", tokens.getCount() == 0 ? 0 : tokens.getMax());
        report.put("hidden_size", run.hiddenSize());
        report.put("dtypes", dtypes(run));
        report.put("loss_points", run.loss().map(l -> l.size()).orElse(0));
        List<Map<String, Object>> checkpoints = new ArrayList<>();
        for (Checkpoint checkpoint : run.checkpoints()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", checkpoint.step());
            entry.put("file", checkpoint.file().toString());
            entry.put("dtype", checkpoint.elementType().label());
            entry.put("tokens_per_layer", checkpoint.tokensPerLayer());
            checkpoints.add(entry);
        }
        report.put("checkpoints", checkpoints);
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Problem problem : inspection.problems()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("severity", problem.severity().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("file", problem.file().toString());
            entry.put("message", problem.message());
            problems.add(entry);
        }
        report.put("problems", problems);
        report.put("exit_status", inspection.exitStatus());
        return report;
    }

    private static IntSummaryStatistics tokenStatistics(RunFolder run) {
        return run.checkpoints().stream().flatMap(c -> c.tokensPerLayer().values().stream())
                .mapToInt(Integer::intValue).summaryStatistics();
    }

    private static List<String> dtypes(RunFolder run) {
        return run.checkpoints().stream().map(c -> c.elementType().label()).collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /** "0–12" for contiguous layers, else a list. */
    static String ranges(List<Integer> layers) {
        boolean contiguous = layers.get(layers.size() - 1) - layers.get(0) == layers.size() - 1;
        return contiguous ? layers.get(0) + "-" + layers.get(layers.size() - 1) : layers.toString();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-13s %s%n", label, value);
    }
}
