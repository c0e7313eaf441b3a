package io.distillery.runner.config;

import static io.distillery.runner.config.Rule.BOOL;
import static io.distillery.runner.config.Rule.INT;
import static io.distillery.runner.config.Rule.INT_LIST;
import static io.distillery.runner.config.Rule.NAMED;
import static io.distillery.runner.config.Rule.NAMED_LIST;
import static io.distillery.runner.config.Rule.NUMBER;
import static io.distillery.runner.config.Rule.OPEN_MAP;
import static io.distillery.runner.config.Rule.STRING;

import java.util.List;
import java.util.Map;

/**
 * The shape of an experiment config. Sections that name a service ({@code dataset.options}, the model maps,
 * {@code strategy}, transforms) are checked here only for their {@code name}; the service checks the rest.
 *
 * <pre>
 * name, seed, backend, output, baseline
 * dataset: {name, path, validation, train_examples, test_examples, transforms: [{name, ...}], options: {...}}
 * teacher: {model: {name, ...}, checkpoint, train: TRAIN, transforms: [{name, ...}]}
 *          (optional; train defaults to the top-level one, transforms to dataset.transforms)
 * student: {model: {name, ...}}
 * strategy: {name, ...}
 * train: TRAIN = {epochs, batch, optimizer: {name, lr, momentum, nesterov, weight_decay, beta1, beta2, eps},
 *                 schedule: {name, step_size, gamma, milestones, min_factor, warmup_epochs},
 *                 clip_grad_norm, eval_batch}
 * </pre>
 */
final class ExperimentSchema {
    private ExperimentSchema() {
    }

    static final Rule OPTIMIZER = Rule.map()
            .required("name", STRING)
            .required("lr", NUMBER, 0)
            .optional("momentum", NUMBER, 0.0, 0)
            .optional("nesterov", BOOL, false)
            .optional("weight_decay", NUMBER, 0.0, 0)
            .optional("beta1", NUMBER, 0.9, 0)
            .optional("beta2", NUMBER, 0.999, 0)
            .optional("eps", NUMBER, 1e-8, 0)
            .build();

    static final Rule SCHEDULE = Rule.map()
            .required("name", STRING)
            .optional("step_size", INT, 1, 1)
            .optional("gamma", NUMBER, 0.1, 0)
            .optional("milestones", INT_LIST, List.of())
            .optional("min_factor", NUMBER, 0.0, 0)
            .optional("warmup_epochs", NUMBER, 0.0, 0)
            .build();

    static final Rule TRAIN = Rule.map()
            .required("epochs", INT, 1)
            .required("batch", INT, 1)
            .required("optimizer", OPTIMIZER)
            .optional("schedule", SCHEDULE, Map.of("name", "constant"))
            .optional("clip_grad_norm", NUMBER, null)
            .optional("eval_batch", INT, 500, 1)
            .build();

    static final Rule DATASET = Rule.map()
            .required("name", STRING)
            .optional("path", STRING, null)
            .optional("validation", NUMBER, 0.0, 0)
            .optional("train_examples", INT, 0, 0)
            .optional("test_examples", INT, 0, 0)
            .optional("transforms", NAMED_LIST, List.of())
            .optional("options", OPEN_MAP, Map.of())
            .build();

    static final Rule ROOT = Rule.map()
            .optional("name", STRING, null)
            .optional("seed", INT, 1)
            .optional("backend", STRING, null)
            .optional("output", STRING, "runs")
            .optional("baseline", BOOL, true)
            .required("dataset", DATASET)
            .optional("teacher", Rule.map()
                    .required("model", NAMED)
                    .optional("checkpoint", STRING, null)
                    .optional("train", TRAIN, null)
                    .optional("transforms", NAMED_LIST, null)
                    .build(), null)
            .required("student", Rule.map().required("model", NAMED).build())
            .required("strategy", NAMED)
            .required("train", TRAIN)
            .build();
}
