package org.shapescope.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.ui.Drawable;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.app.ui.views.ExplorerView;
import org.shapescope.app.ui.views.MetricLabels;
import org.shapescope.viewer.ExportRequest;
import org.shapescope.viewer.FigureFactory;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.export.FigureExport;
import org.shapescope.viewer.export.PrintSize;
import org.shapescope.viewer.figure.FigureStyle;

/**
 * Writes figures at a print size, and the metrics table. The view's state is copied into a
 * {@link FigureFactory} on the UI thread; building the figure and writing the file run through
 * the {@link TaskExecutor}. The dialogs are thin wrappers over {@link #write}, {@link #exportAll}
 * and {@link #writeCsv}, which tests call directly.
 */
final class FigureExporter {
    private final TaskExecutor executor;
    private final ExplorerModel model;
    private final Consumer<String> onWritten;
    private final Consumer<String> onFailed;
    private final ObjectProperty<PrintChoice> print = new SimpleObjectProperty<>(this, "print", PrintChoice.DEFAULT);
    private Window owner;

    /**
     * @param onWritten told what was written (status line)
     * @param onFailed  told what failed (notification)
     */
    FigureExporter(TaskExecutor executor, ExplorerModel model, Consumer<String> onWritten, Consumer<String> onFailed) {
        this.executor = executor;
        this.model = model;
        this.onWritten = onWritten;
        this.onFailed = onFailed;
    }

    void setOwner(Window window) {
        owner = window;
    }

    /** The print size of exports: chosen in the export dialog, reused by "Export all". */
    ObjectProperty<PrintChoice> printProperty() {
        return print;
    }

    /** The style figures are exported in at {@code size}: paper style, metric labels with units. */
    static FigureStyle style(PrintSize size) {
        return size.style().withValueLabels(MetricLabels::axisLabel);
    }

    /** Builds {@code figure} for {@code size} (any thread). */
    static Drawable build(FigureFactory figure, PrintSize size) {
        return figure.build(style(size));
    }

    /** The export handler of {@code view}'s context menu: the print-size dialog, then a file, then write. */
    void chooseAndWrite(ExplorerView view, ExportRequest request) {
        ExportDialog dialog = new ExportDialog(executor, request, view.aspect(), print.get());
        dialog.initOwner(owner);
        dialog.showAndWait().ifPresent(choice -> {
            print.set(choice);
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + request.format().name());
            chooser.setInitialFileName(request.suggestedFileName());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(request.format().name(),
                    "*." + request.format().extension()));
            var file = chooser.showSaveDialog(owner);
            if (file != null) {
                write(request, choice.sizeFor(view.aspect()), file.toPath());
            }
        });
    }

    /** Writes one figure at {@code size} in the background. */
    void write(ExportRequest request, PrintSize size, Path file) {
        executor.execute("Export " + file, () -> {
            FigureExport.write(build(request.figure(), size), request.format(), size, file);
            return file;
        }, written -> onWritten.accept("Wrote " + written), failure -> onFailed.accept(file + ": " + oneLine(failure)));
    }

    /** Asks for a folder and writes every figure in every format plus the metrics table there. */
    void chooseAndExportAll(Map<ExplorerView, FigureFactory> figures) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export all figures into");
        var folder = chooser.showDialog(owner);
        if (folder != null) {
            exportAll(figures, folder.toPath());
        }
    }

    /**
     * Writes {@code <metric>-<view>.{png,svg,pdf}} for each figure (at the current print choice,
     * each view with its own aspect) and {@code <metric>-metrics.csv} into {@code folder}, in the
     * background.
     */
    void exportAll(Map<ExplorerView, FigureFactory> figures, Path folder) {
        PrintChoice choice = print.get();
        String stem = model.getMetric().name();
        String csv = model.metricsCsv();
        executor.execute("Export all into " + folder, () -> {
            Files.createDirectories(folder);
            List<Path> written = new ArrayList<>();
            for (var entry : figures.entrySet()) {
                ExplorerView view = entry.getKey();
                PrintSize size = choice.sizeFor(view.aspect());
                for (ExportFormat format : ExportFormat.values()) {
                    Path file = folder.resolve(stem + "-" + view.id() + "." + format.extension());
                    FigureExport.write(build(entry.getValue(), size), format, size, file);
                    written.add(file);
                }
            }
            Path table = folder.resolve(stem + "-metrics.csv");
            Files.writeString(table, csv, StandardCharsets.UTF_8);
            written.add(table);
            return written;
        }, written -> onWritten.accept("Wrote " + written.size() + " files into " + folder),
                failure -> onFailed.accept(folder + ": " + oneLine(failure)));
    }

    /** Asks for a file and writes the metrics table as CSV. */
    void chooseAndWriteCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export metrics table");
        chooser.setInitialFileName(model.getMetric().name() + "-metrics.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        var file = chooser.showSaveDialog(owner);
        if (file != null) {
            writeCsv(file.toPath());
        }
    }

    void writeCsv(Path file) {
        String csv = model.metricsCsv();
        executor.execute("Export " + file, () -> {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            return file;
        }, written -> onWritten.accept("Wrote " + written), failure -> onFailed.accept(file + ": " + oneLine(failure)));
    }

    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof IOException && failure.getMessage() != null) {
            message = failure.getClass().getSimpleName() + ": " + message;
        }
        return message.lines().findFirst().orElse(message);
    }
}
