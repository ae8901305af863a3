package org.shapescope.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.ui.Drawable;
import org.shapescope.app.data.FigureKind;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.viewer.ExportRequest;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.export.FigureExport;

/**
 * Writes figures and the metrics table. The figure is built on the UI thread (from the view's
 * current state); the file is written through the {@link TaskExecutor}. The choosers are thin
 * wrappers over {@link #write}, {@link #exportAll} and {@link #writeCsv}, which tests call directly.
 */
final class FigureExporter {
    /** Default PNG magnification (print quality). */
    static final double DEFAULT_PNG_SCALE = 2;

    private final TaskExecutor executor;
    private final ExplorerModel model;
    private final Consumer<String> onWritten;
    private final Consumer<String> onFailed;
    private final DoubleProperty pngScale = new SimpleDoubleProperty(this, "pngScale", DEFAULT_PNG_SCALE);
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

    /** Magnification of PNG exports (2 by default). */
    DoubleProperty pngScaleProperty() {
        return pngScale;
    }

    /** The export handler for the views' context menus: asks for a file, then writes. */
    void chooseAndWrite(ExportRequest request) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + request.format().name());
        chooser.setInitialFileName(request.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(request.format().name(),
                "*." + request.format().extension()));
        var file = chooser.showSaveDialog(owner);
        if (file != null) {
            write(request, file.toPath());
        }
    }

    /** Writes one figure in the background. */
    void write(ExportRequest request, Path file) {
        double scale = pngScale.get();
        executor.execute("Export " + file, () -> {
            request.writeTo(file, scale);
            return file;
        }, written -> onWritten.accept("Wrote " + written), failure -> onFailed.accept(file + ": " + oneLine(failure)));
    }

    /** Asks for a folder and writes every figure in every format plus the metrics table there. */
    void chooseAndExportAll(Map<FigureKind, Drawable> figures) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export all figures into");
        var folder = chooser.showDialog(owner);
        if (folder != null) {
            exportAll(figures, folder.toPath());
        }
    }

    /**
     * Writes {@code <metric>-<figure>.{png,svg,pdf}} for each figure (at its default size) and
     * {@code <metric>-metrics.csv} into {@code folder}, in the background.
     */
    void exportAll(Map<FigureKind, Drawable> figures, Path folder) {
        double scale = pngScale.get();
        String stem = model.getMetric().name();
        String csv = model.metricsCsv();
        executor.execute("Export all into " + folder, () -> {
            Files.createDirectories(folder);
            List<Path> written = new ArrayList<>();
            for (var entry : figures.entrySet()) {
                FigureKind kind = entry.getKey();
                for (ExportFormat format : ExportFormat.values()) {
                    Path file = folder.resolve(stem + "-" + kind.id() + "." + format.extension());
                    FigureExport.write(entry.getValue(), format, kind.defaultWidth(), kind.defaultHeight(), scale, file);
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

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof IOException && failure.getMessage() != null) {
            message = failure.getClass().getSimpleName() + ": " + message;
        }
        return message.lines().findFirst().orElse(message);
    }
}
