package io.distillery.runner.train;

import java.util.List;

import io.distillery.api.data.DataPipeline;
import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Transform;
import io.distillery.api.distill.LossTermProvider;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Optimizers;
import io.distillery.api.run.RunInfo;
import io.distillery.api.run.RunListener;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensors;
import io.distillery.runner.Registry;
import io.distillery.runner.io.RunDirectory;

/**
 * What every phase of one run shares: the services, the data (training part after the validation split, the
 * validation part if any, the test part), the training transforms, the listeners and the run's folder.
 *
 * @param info the run's identity
 * @param directory the run's folder
 * @param seed the run's seed
 * @param tensors the tensor service
 * @param layers the layer service
 * @param optimizers the optimizer service
 * @param pipeline the data pipeline
 * @param train the training examples
 * @param validation the validation examples, or {@code null}
 * @param test the test examples
 * @param transforms the training transforms
 * @param listeners who hears the run's events
 * @param lossTerms the loss terms strategies can combine, by name
 */
public record RunState(RunInfo info, RunDirectory directory, long seed, Tensors tensors, Layers layers,
        Optimizers optimizers, DataPipeline pipeline, Dataset train, Dataset validation, Dataset test,
        List<Transform> transforms, RunListener listeners, Registry<LossTermProvider> lossTerms) {

    /**
     * @param trainingTransforms other training transforms, such as the teacher's own
     * @return this run with them
     */
    public RunState withTransforms(List<Transform> trainingTransforms) {
        return new RunState(info, directory, seed, tensors, layers, optimizers, pipeline, train, validation, test,
                trainingTransforms, listeners, lossTerms);
    }

    /** @return the shape of one example */
    public Shape inputShape() {
        return train.inputShape();
    }

    /** @return the number of classes */
    public int classes() {
        return train.classCount();
    }

    /** @return the training and test parts, as strategies see them */
    public DataSplits splits() {
        return new DataSplits(train, test);
    }
}
