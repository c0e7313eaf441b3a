package io.distillery.runner.train;

import java.util.Iterator;

import io.distillery.api.data.Batch;
import io.distillery.api.data.DataPipeline;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Loader;
import io.distillery.api.data.LoaderOptions;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.Tensors;

/** Measures a classifier on a data set: accuracy, errors and mean cross-entropy, in evaluation mode. */
final class Evaluator {
    private final Tensors tensors;
    private final DataPipeline pipeline;

    Evaluator(Tensors tensors, DataPipeline pipeline) {
        this.tensors = tensors;
        this.pipeline = pipeline;
    }

    /**
     * The result of one evaluation.
     *
     * @param accuracy the fraction classified correctly
     * @param errors the number misclassified
     * @param loss the mean cross-entropy
     */
    record Result(double accuracy, long errors, double loss) {
    }

    Result evaluate(Module model, Dataset data, int batch) {
        boolean training = model.isTraining();
        model.setTraining(false);
        long correct = 0;
        double lossSum = 0;
        try (Loader loader = pipeline.loader(data, LoaderOptions.evaluation(batch));
                AutoCloseable off = tensors.noGrad()) {
            for (Iterator<Batch> it = loader.epoch(0); it.hasNext();) {
                try (Scope s = tensors.scope()) {
                    Batch b = it.next();
                    Tensor logits = model.forward(b.inputs());
                    correct += Math.round(logits.argmax(-1).eq(b.labels()).sum().item());
                    lossSum += Losses.crossEntropy(logits, b.labels()).item() * b.size();
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            model.setTraining(training);
        }
        int n = data.size();
        return new Result(n == 0 ? 0 : (double) correct / n, n - correct, n == 0 ? 0 : lossSum / n);
    }
}
