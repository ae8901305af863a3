package org.shapescope.viewer;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.shapescope.viewer.figure.StepLabels;

/**
 * Chooses a checkpoint: a slider over checkpoint indices labelled with their training steps, a
 * play/pause toggle that advances one checkpoint per {@link #frameIntervalProperty()} (stopping
 * at the last), and ←/→ keys (anywhere inside the scrubber) for the previous/next checkpoint.
 * {@link #selectedCheckpointProperty()} is the index, -1 while there are no steps.
 */
public final class CheckpointScrubber extends HBox {

    private final ObjectProperty<long[]> steps = new SimpleObjectProperty<>(this, "steps", new long[0]);
    private final IntegerProperty selectedCheckpoint = new SimpleIntegerProperty(this, "selectedCheckpoint", -1);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final ObjectProperty<Duration> frameInterval =
            new SimpleObjectProperty<>(this, "frameInterval", Duration.millis(400));

    private final Slider slider = new Slider(0, 0, 0);
    private final ToggleButton play = new ToggleButton("▶");
    private final Label stepLabel = new Label();
    private final Timeline timeline = new Timeline();

    public CheckpointScrubber() {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMinorTickCount(0);
        slider.setBlockIncrement(1);
        slider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double index) {
                long[] s = steps.get();
                int i = (int) Math.round(index);
                return i >= 0 && i < s.length ? StepLabels.compact(s[i]) : "";
            }

            @Override
            public Double fromString(String text) {
                return 0.0;
            }
        });
        HBox.setHgrow(slider, Priority.ALWAYS);
        stepLabel.setMinWidth(90);
        getChildren().addAll(play, slider, stepLabel);

        steps.addListener((obs, old, now) -> layoutSteps(now));
        slider.valueProperty().addListener((obs, old, now) -> {
            if (steps.get().length > 0) {
                selectedCheckpoint.set((int) Math.round(now.doubleValue()));
            }
        });
        selectedCheckpoint.addListener((obs, old, now) -> {
            int n = steps.get().length;
            int clamped = n == 0 ? -1 : Math.max(0, Math.min(n - 1, now.intValue()));
            if (clamped != now.intValue()) {
                selectedCheckpoint.set(clamped);
                return;
            }
            if (clamped >= 0 && Math.round(slider.getValue()) != clamped) {
                slider.setValue(clamped);
            }
            updateLabel();
        });

        play.selectedProperty().bindBidirectional(playing);
        play.setFocusTraversable(false);
        playing.addListener((obs, old, now) -> {
            play.setText(now ? "❚❚" : "▶");
            if (now) {
                if (selectedCheckpoint.get() >= steps.get().length - 1) {
                    selectedCheckpoint.set(0);
                }
                restartTimeline();
            } else {
                timeline.stop();
            }
        });
        frameInterval.addListener((obs, old, now) -> {
            if (playing.get()) {
                restartTimeline();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.LEFT) {
                previous();
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT) {
                next();
                e.consume();
            }
        });
        updateLabel();
    }

    /** Training step of each checkpoint, ascending. Setting them keeps the index if still valid. */
    public ObjectProperty<long[]> stepsProperty() {
        return steps;
    }

    public void setSteps(long[] value) {
        steps.set(value == null ? new long[0] : value.clone());
    }

    public IntegerProperty selectedCheckpointProperty() {
        return selectedCheckpoint;
    }

    public int getSelectedCheckpoint() {
        return selectedCheckpoint.get();
    }

    public void setSelectedCheckpoint(int index) {
        selectedCheckpoint.set(index);
    }

    /** Whether playback is running. */
    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Time per checkpoint during playback; default 400 ms. */
    public ObjectProperty<Duration> frameIntervalProperty() {
        return frameInterval;
    }

    /** Selects the next checkpoint; returns false (and stops playback) at the last one. */
    public boolean next() {
        int n = steps.get().length;
        if (n == 0 || selectedCheckpoint.get() >= n - 1) {
            playing.set(false);
            return false;
        }
        selectedCheckpoint.set(selectedCheckpoint.get() + 1);
        return true;
    }

    /** Selects the previous checkpoint; returns false at the first one. */
    public boolean previous() {
        if (selectedCheckpoint.get() <= 0) {
            return false;
        }
        selectedCheckpoint.set(selectedCheckpoint.get() - 1);
        return true;
    }

    /** The slider, e.g. to give it focus. */
    public Slider slider() {
        return slider;
    }

    private void layoutSteps(long[] s) {
        int n = s.length;
        slider.setMax(Math.max(0, n - 1));
        slider.setMajorTickUnit(Math.max(1, Math.ceil((n - 1) / 6.0)));
        slider.setDisable(n == 0);
        if (n == 0) {
            selectedCheckpoint.set(-1);
        } else if (selectedCheckpoint.get() < 0 || selectedCheckpoint.get() >= n) {
            selectedCheckpoint.set(n - 1);
        }
        if (n > 0) {
            slider.setValue(selectedCheckpoint.get());
        }
        updateLabel();
    }

    private void restartTimeline() {
        timeline.stop();
        timeline.getKeyFrames().setAll(new KeyFrame(frameInterval.get(), e -> next()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    private void updateLabel() {
        int i = selectedCheckpoint.get();
        long[] s = steps.get();
        stepLabel.setText(i >= 0 && i < s.length ? "step " + String.format("%,d", s[i]) : "no checkpoints");
    }
}
