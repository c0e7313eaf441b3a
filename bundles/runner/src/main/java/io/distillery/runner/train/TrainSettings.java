package io.distillery.runner.train;

import java.util.List;
import java.util.Map;

import io.distillery.api.distill.StageOptions;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.nn.ScheduleSpec;

/**
 * A resolved {@code train} section: how long, in what batches, with which optimizer and schedule.
 *
 * @param epochs epochs to train
 * @param batch examples per step
 * @param optimizer the optimizer
 * @param schedule the learning-rate schedule
 * @param clipGradNorm the gradient-norm limit, or {@code null} for none
 * @param evalBatch examples per evaluation batch
 */
public record TrainSettings(int epochs, int batch, OptimizerSpec optimizer, ScheduleSpec schedule, Double clipGradNorm,
        int evalBatch) {

    /**
     * @param section a {@code train} section as the schema resolved it
     * @param path its key path, for messages
     * @return the settings
     * @throws IllegalArgumentException naming the key path of a value the optimizer or schedule rejects
     */
    @SuppressWarnings("unchecked")
    public static TrainSettings of(Map<String, Object> section, String path) {
        Map<String, Object> o = (Map<String, Object>) section.get("optimizer");
        Map<String, Object> s = (Map<String, Object>) section.get("schedule");
        OptimizerSpec optimizer;
        ScheduleSpec schedule;
        try {
            optimizer = new OptimizerSpec((String) o.get("name"), num(o, "lr"), num(o, "momentum"), (Boolean) o.get("nesterov"),
                    num(o, "weight_decay"), num(o, "beta1"), num(o, "beta2"), num(o, "eps"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config section '" + path + ".optimizer': " + e.getMessage(), e);
        }
        try {
            schedule = new ScheduleSpec((String) s.get("name"), (Integer) s.get("step_size"), num(s, "gamma"),
                    (List<Integer>) s.get("milestones"), num(s, "min_factor"), num(s, "warmup_epochs"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config section '" + path + ".schedule': " + e.getMessage(), e);
        }
        return new TrainSettings((Integer) section.get("epochs"), (Integer) section.get("batch"), optimizer, schedule,
                (Double) section.get("clip_grad_norm"), (Integer) section.get("eval_batch"));
    }

    /**
     * @param options a stage's departures
     * @return these settings with the stage's epochs and base learning rate where it sets them
     */
    public TrainSettings with(StageOptions options) {
        OptimizerSpec o = optimizer;
        if (options.learningRate() != null) {
            o = new OptimizerSpec(o.name(), options.learningRate(), o.momentum(), o.nesterov(), o.weightDecay(), o.beta1(),
                    o.beta2(), o.epsilon());
        }
        return new TrainSettings(options.epochs() == null ? epochs : options.epochs(), batch, o, schedule, clipGradNorm,
                evalBatch);
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
