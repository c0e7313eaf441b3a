package io.distillery.strategy.fsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.distillery.api.data.Batch;
import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.Tap;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;

/**
 * The FSP loss of one phase (Yim, Joo, Bae and Kim, "A Gift from Knowledge Distillation: Fast Optimization, Network
 * Minimization and Transfer Learning", CVPR 2017), over the taps of its layer pairs, reported as {@code fsp}. The
 * FSP ("flow of solution procedure") matrix of two feature maps {@code F1 [batch, c1, h, w]} and
 * {@code F2 [batch, c2, h, w]} of one model is {@code G = F1 F2^T / (h w)}, the {@code c1 x c2} inner products of
 * their channels over the positions; the loss is the sum over pairs of the squared Frobenius distance between the
 * student's and the teacher's matrices, averaged over the batch (the paper's equal pair weights). The matrices are
 * compared entry by entry, so the student's and teacher's channel counts must agree; no projection is learned,
 * since a loss term cannot train parameters of its own. Close it to remove its taps.
 */
final class FspLoss implements LossTerm, AutoCloseable {
    private final DistillationContext ctx;
    private final List<Tap> opened = new ArrayList<>();
    private final List<Tap[]> students = new ArrayList<>();
    private final List<Tap[]> teachers = new ArrayList<>();

    private FspLoss(DistillationContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Taps the pairs' layers and checks their outputs' shapes with a dry pass on a sample batch.
     *
     * @param ctx the phase
     * @param pairs the matrices to compare
     * @param keyPath where the pairs' section stands in the config, for messages
     * @return the loss, to close when training is done
     * @throws IllegalArgumentException naming the config key when a path does not exist (listing the modules there
     *         are), an output is not a feature map, a model's two layers differ in spatial size, or the channel counts
     *         of the student's and the teacher's layers differ; with the shapes
     */
    static FspLoss open(DistillationContext ctx, List<FspPair> pairs, String keyPath) {
        FspLoss loss = new FspLoss(ctx);
        try {
            for (int i = 0; i < pairs.size(); i++) {
                String key = keyPath + ".pairs[" + i + "]";
                List<String> s = pairs.get(i).student();
                List<String> t = pairs.get(i).teacher();
                loss.students.add(new Tap[] {loss.keep(ctx.tapStudent(s.get(0), key + ".student[0]")),
                    loss.keep(ctx.tapStudent(s.get(1), key + ".student[1]"))});
                loss.teachers.add(new Tap[] {loss.keep(ctx.tapTeacher(t.get(0), key + ".teacher[0]")),
                    loss.keep(ctx.tapTeacher(t.get(1), key + ".teacher[1]"))});
            }
            Map<Tap, Shape> shapes = ctx.probe();
            for (int i = 0; i < pairs.size(); i++) {
                String key = keyPath + ".pairs[" + i + "]";
                Shape[] s = check(key + ".student", "student", pairs.get(i).student(), shapes, loss.students.get(i));
                Shape[] t = check(key + ".teacher", "teacher", pairs.get(i).teacher(), shapes, loss.teachers.get(i));
                if (s[0].dim(1) != t[0].dim(1) || s[1].dim(1) != t[1].dim(1)) {
                    throw new IllegalArgumentException("config key '" + key + "': the student's FSP matrix is "
                            + s[0].dim(1) + "x" + s[1].dim(1) + " (" + describe(pairs.get(i).student(), s) + ") but the "
                            + "teacher's is " + t[0].dim(1) + "x" + t[1].dim(1) + " (" + describe(pairs.get(i).teacher(), t)
                            + "); the matrices are compared entry by entry, so choose layers with the same channel counts");
                }
            }
            return loss;
        } catch (RuntimeException e) {
            loss.close();
            throw e;
        }
    }

    private static Shape[] check(String key, String model, List<String> paths, Map<Tap, Shape> shapes, Tap[] taps) {
        Shape[] s = {shapes.get(taps[0]), shapes.get(taps[1])};
        if (s[0].rank() < 3 || s[1].rank() < 3) {
            throw new IllegalArgumentException("config key '" + key + "': FSP matrices need feature maps of rank 3 or more, "
                    + "[batch, channels, height, width]; the " + model + "'s " + describe(paths, s));
        }
        if (!s[0].subshape(2, s[0].rank()).equals(s[1].subshape(2, s[1].rank()))) {
            throw new IllegalArgumentException("config key '" + key + "': an FSP matrix pairs its two layers position by "
                    + "position, so their spatial sizes must match; the " + model + "'s " + describe(paths, s));
        }
        return s;
    }

    private static String describe(List<String> paths, Shape[] shapes) {
        return "'" + paths.get(0) + "' gives " + shapes[0] + " and '" + paths.get(1) + "' gives " + shapes[1];
    }

    /**
     * @param first a feature map {@code [batch, c1, ...]}
     * @param second a feature map {@code [batch, c2, ...]} of the same spatial size
     * @return their FSP matrices {@code [batch, c1, c2]}
     */
    static Tensor matrix(Tensor first, Tensor second) {
        int batch = first.dim(0);
        int positions = first.size() / (batch * first.dim(1));
        Tensor a = first.reshape(batch, first.dim(1), positions);
        Tensor b = second.reshape(batch, second.dim(1), positions);
        return a.matmul(b.transpose(1, 2)).div(positions);
    }

    /**
     * @param student the student's FSP matrices {@code [batch, c1, c2]}
     * @param teacher the teacher's, of the same shape; no gradient flows into them
     * @return the squared Frobenius distance averaged over the batch, a scalar
     */
    static Tensor distance(Tensor student, Tensor teacher) {
        Tensor d = student.sub(teacher.detach());
        return d.mul(d).sum().div(student.dim(0));
    }

    @Override
    public Tensor loss(Batch batch) {
        ctx.teacherLogits(batch);
        ctx.studentLogits(batch);
        Tensor sum = null;
        for (int i = 0; i < students.size(); i++) {
            Tap[] s = students.get(i);
            Tap[] t = teachers.get(i);
            Tensor d = distance(matrix(s[0].output(), s[1].output()), matrix(t[0].output(), t[1].output()));
            sum = sum == null ? d : sum.add(d);
        }
        return ctx.term("fsp", sum);
    }

    private Tap keep(Tap tap) {
        opened.add(tap);
        return tap;
    }

    @Override
    public void close() {
        opened.forEach(Tap::close);
    }
}
