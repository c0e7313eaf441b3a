package io.distillery.strategy.at;

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
 * The attention-transfer loss of one phase (Zagoruyko and Komodakis, "Paying More Attention to Attention", ICLR
 * 2017), over the taps of its layer pairs, reported as {@code at}. The attention map of a feature map
 * {@code F [batch, channels, ...]} is the channel mean of {@code |F|^p}, flattened and divided by its L2 norm; the
 * loss is the sum over pairs of the mean squared difference between the student's and the teacher's maps over the
 * batch and the positions, the form in which the paper's weight {@code beta = 1000} was used. Close it to remove its
 * taps.
 */
final class AttentionLoss implements LossTerm, AutoCloseable {
    // keeps the normalisation of an all-zero map (a dead layer) finite
    private static final double EPSILON = 1e-12;

    private final DistillationContext ctx;
    private final List<Tap> opened = new ArrayList<>();
    private final List<Tap> students = new ArrayList<>();
    private final List<Tap> teachers = new ArrayList<>();
    private final double p;

    private AttentionLoss(DistillationContext ctx, double p) {
        this.ctx = ctx;
        this.p = p;
    }

    /**
     * Taps the pairs' layers and checks their outputs' shapes with a dry pass on a sample batch.
     *
     * @param ctx the phase
     * @param pairs the layer pairs
     * @param p the exponent of the feature magnitudes, above 0
     * @param keyPath where the pairs' section stands in the config, for messages
     * @return the loss, to close when training is done
     * @throws IllegalArgumentException naming the pair's config key when a path does not exist (listing the modules
     *         there are), an output is not a feature map, or the spatial sizes differ; with both shapes
     */
    static AttentionLoss open(DistillationContext ctx, List<AttentionPair> pairs, double p, String keyPath) {
        AttentionLoss loss = new AttentionLoss(ctx, p);
        try {
            for (int i = 0; i < pairs.size(); i++) {
                String key = keyPath + ".pairs[" + i + "]";
                loss.students.add(loss.keep(ctx.tapStudent(pairs.get(i).student(), key + ".student")));
                loss.teachers.add(loss.keep(ctx.tapTeacher(pairs.get(i).teacher(), key + ".teacher")));
            }
            Map<Tap, Shape> shapes = ctx.probe();
            for (int i = 0; i < pairs.size(); i++) {
                check(keyPath + ".pairs[" + i + "]", pairs.get(i), shapes.get(loss.students.get(i)),
                        shapes.get(loss.teachers.get(i)));
            }
            return loss;
        } catch (RuntimeException e) {
            loss.close();
            throw e;
        }
    }

    private static void check(String key, AttentionPair pair, Shape student, Shape teacher) {
        String both = "the student's '" + pair.student() + "' gives " + student + " and the teacher's '" + pair.teacher()
                + "' gives " + teacher;
        if (student.rank() < 3 || teacher.rank() < 3) {
            throw new IllegalArgumentException("config key '" + key + "': attention maps need feature maps of rank 3 or more,"
                    + " [batch, channels, height, width]; " + both);
        }
        if (!student.subshape(2, student.rank()).equals(teacher.subshape(2, teacher.rank()))) {
            throw new IllegalArgumentException("config key '" + key + "': attention maps are compared position by position, "
                    + "so the spatial sizes must match; " + both);
        }
    }

    /**
     * @param features a feature map {@code [batch, channels, ...]}
     * @param p the exponent of the magnitudes
     * @return its attention map {@code [batch, positions]}, each row of unit L2 norm (or zero)
     */
    static Tensor map(Tensor features, double p) {
        // the channel mean rather than the paper's sum: the normalisation cancels the factor
        Tensor a = features.abs().pow(p).mean(1, false).flatten(1);
        return a.div(a.mul(a).sum(1, true).add(EPSILON).sqrt());
    }

    /**
     * @param student the student's feature map
     * @param teacher the teacher's feature map of the same spatial size; no gradient flows into it
     * @param p the exponent of the magnitudes
     * @return the mean squared difference of their attention maps, a scalar
     */
    static Tensor distance(Tensor student, Tensor teacher, double p) {
        Tensor d = map(student, p).sub(map(teacher.detach(), p));
        return d.mul(d).mean();
    }

    @Override
    public Tensor loss(Batch batch) {
        ctx.teacherLogits(batch);
        ctx.studentLogits(batch);
        Tensor sum = distance(students.get(0).output(), teachers.get(0).output(), p);
        for (int i = 1; i < students.size(); i++) {
            sum = sum.add(distance(students.get(i).output(), teachers.get(i).output(), p));
        }
        return ctx.term("at", sum);
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
