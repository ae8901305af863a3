package org.shapescope.viewer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.shapescope.viewer.export.FigureExport;
import org.shapescope.viewer.figure.FigureStyle;

/**
 * Builds and draws the views' charts off the JavaFX thread: one daemon thread builds each
 * {@link JFreeChart} from the values a view copied and draws it with Java2D into an image, the same way a PNG export is drawn ({@link FigureExport#image}), and
 * hands the pixels back to the JavaFX thread, which only copies them into a
 * {@code WritableImage}. Drawing a chart through a JavaFX canvas took the JavaFX thread tens to
 * hundreds of milliseconds per view and batch (docs/benchmarks.md, "The JavaFX thread").
 *
 * <p>Each view owns one {@link Slot}: while a chart of that view is being drawn, newer requests
 * replace each other, so a view that changes 50 times during one drawing is drawn twice (the
 * one in progress and the newest), never 50 times.
 */
final class ChartRendering {

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shapescope-chart-drawing");
        t.setDaemon(true);
        return t;
    });

    private ChartRendering() {
    }

    /**
     * One drawing asked for: the chart {@code figure} builds in the screen style, laid out at
     * {@code width × height} view units, {@code scale} pixels each.
     */
    record Request(long generation, ChartView.ChartFactory figure, double width, double height, double scale) {
        int pixelWidth() {
            return (int) Math.round(width * scale);
        }

        int pixelHeight() {
            return (int) Math.round(height * scale);
        }
    }

    /**
     * A drawn chart: the chart, its opaque ARGB pixels ({@link Request#pixelWidth()} per row) and
     * the rendering information of the drawing, in view units (data area, entities for tooltips
     * and hit tests).
     */
    record Drawn(Request request, JFreeChart chart, int[] argb, ChartRenderingInfo info) {
    }

    /** One view's queue of at most one waiting request. */
    static final class Slot {
        private final AtomicReference<Request> waiting = new AtomicReference<>();
        private final AtomicBoolean queued = new AtomicBoolean();
        private final Consumer<Drawn> onFxThread;

        /** @param onFxThread receives every finished drawing on the JavaFX thread, oldest first */
        Slot(Consumer<Drawn> onFxThread) {
            this.onFxThread = onFxThread;
        }

        /** Asks for {@code request} to be drawn; replaces a request of this slot not started yet. */
        void submit(Request request) {
            waiting.set(request);
            if (queued.compareAndSet(false, true)) {
                THREAD.execute(this::drain);
            }
        }

        private void drain() {
            queued.set(false);
            Request request = waiting.getAndSet(null);
            if (request == null) {
                return;
            }
            Drawn drawn;
            try {
                drawn = draw(request);
            } catch (RuntimeException | Error e) {
                // A chart that cannot be drawn shows nothing new; the view keeps its last picture.
                System.err.println("shapescope: a chart could not be drawn: " + e);
                return;
            }
            Platform.runLater(() -> onFxThread.accept(drawn));
        }
    }

    /** Builds and draws on the calling thread (the drawing thread). */
    static Drawn draw(Request request) {
        JFreeChart chart = request.figure().build(FigureStyle.SCREEN);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = FigureExport.image((g2, area) -> chart.draw(g2, area, info),
                request.width(), request.height(), request.scale());
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] |= 0xFF000000; // TYPE_INT_RGB leaves alpha 0: opaque, so premultiplied equals straight
        }
        return new Drawn(request, chart, rgb, info);
    }
}
