package org.shapescope.viewer.data;

/**
 * Training loss against step, as logged by the trainer (not necessarily at checkpoint steps).
 *
 * @param steps training steps, ascending
 * @param loss  loss at each step, same length
 */
public record LossCurve(long[] steps, double[] loss) {

    public LossCurve {
        if (steps.length != loss.length) {
            throw new IllegalArgumentException("steps and loss differ in length");
        }
        steps = steps.clone();
        loss = loss.clone();
    }

    public int size() {
        return steps.length;
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    public long step(int i) {
        return steps[i];
    }

    public double loss(int i) {
        return loss[i];
    }
}
