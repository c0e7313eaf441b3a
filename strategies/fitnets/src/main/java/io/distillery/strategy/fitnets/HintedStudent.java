package io.distillery.strategy.fitnets;

import io.distillery.api.distill.Tap;
import io.distillery.api.nn.AbstractModule;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Tensor;

/**
 * The model of FitNets' hint stage: the student with the regressor on its guided layer, whose output is the
 * regressor's prediction of the teacher's hint. Its parameters are the student's ({@code student.*}) and the
 * regressor's ({@code regressor.*}); the student runs whole, but its layers after the guided one get no gradient
 * from the hint, so the optimizer leaves them as they are and the stage trains the student up to the guided layer.
 */
final class HintedStudent extends AbstractModule {
    private final Module student;
    private final Module regressor;
    private final Tap guided;

    /**
     * @param student the student
     * @param regressor the regressor from the guided layer's output to the hint's shape
     * @param guided an open tap on the student's guided layer
     */
    HintedStudent(Module student, Module regressor, Tap guided) {
        this.student = child("student", student);
        this.regressor = child("regressor", regressor);
        this.guided = guided;
    }

    @Override
    protected Tensor compute(Tensor input) {
        student.forward(input);
        return regressor.forward(guided.output());
    }

    @Override
    public String describe() {
        return student.describe() + " with a hint regressor on '" + guided.path() + "': " + regressor.describe();
    }
}
