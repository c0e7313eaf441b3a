package io.distillery.backend.tck;

import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.ConvGeometry;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of convolution forward, backward-input and backward-filter: stride, padding, dilation, groups
 * (depthwise included), 1-d convolution as height 1, 1x1 kernels, kernels wider than the input, non-square
 * everything, batch of one and larger batches. Outputs start as NaN: every element must be overwritten.
 */
public abstract class ConvolutionConformance extends KernelTest {

    static List<ConvGeometry> geometries() {
        List<ConvGeometry> geometries = new ArrayList<>(List.of(
                new ConvGeometry(2, 3, 8, 8, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1),
                new ConvGeometry(1, 2, 9, 7, 3, 3, 2, 2, 1, 0, 0, 1, 1, 1),
                new ConvGeometry(2, 2, 10, 10, 2, 3, 3, 1, 1, 2, 2, 2, 2, 1),
                new ConvGeometry(2, 4, 6, 6, 6, 3, 3, 1, 1, 0, 0, 1, 1, 2),
                new ConvGeometry(2, 4, 7, 7, 4, 3, 3, 1, 1, 1, 1, 1, 1, 4),
                new ConvGeometry(3, 2, 1, 20, 4, 1, 5, 1, 2, 0, 2, 1, 1, 1),
                new ConvGeometry(2, 8, 5, 5, 3, 1, 1, 1, 1, 0, 0, 1, 1, 1),
                new ConvGeometry(2, 3, 6, 5, 2, 1, 1, 2, 2, 0, 0, 1, 1, 1),
                new ConvGeometry(1, 2, 2, 3, 2, 3, 5, 1, 1, 1, 2, 1, 1, 1),
                new ConvGeometry(2, 3, 7, 11, 5, 2, 3, 1, 3, 0, 1, 1, 2, 1),
                new ConvGeometry(1, 16, 20, 20, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1),
                new ConvGeometry(8, 3, 12, 12, 8, 5, 5, 1, 1, 2, 2, 1, 1, 1),
                new ConvGeometry(8, 16, 16, 16, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1),
                new ConvGeometry(10, 2, 64, 64, 4, 3, 3, 1, 1, 1, 1, 1, 1, 2))); // many images of many positions
        SplittableRandom random = new SplittableRandom(11);
        while (geometries.size() < 18) {
            int groups = random.nextInt(1, 4);
            int kh = random.nextInt(1, 5);
            int kw = random.nextInt(1, 5);
            try {
                geometries.add(new ConvGeometry(random.nextInt(1, 4), groups * random.nextInt(1, 4),
                        random.nextInt(1, 13), random.nextInt(1, 13), groups * random.nextInt(1, 4), kh, kw,
                        random.nextInt(1, 4), random.nextInt(1, 4), random.nextInt(0, kh), random.nextInt(0, kw),
                        random.nextInt(1, 3), random.nextInt(1, 3), groups));
            } catch (IllegalArgumentException kernelDoesNotFit) {
                // draw again
            }
        }
        return geometries;
    }

    private static float[] values(ConvGeometry g, String what, long length) {
        return Values.uniform(new SplittableRandom((g + what).hashCode()), (int) length, -1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void forward(ConvGeometry g) {
        float[] x = values(g, "x", g.inputSize());
        float[] w = values(g, "w", g.weightSize());
        Buffer y = upload(Values.filled((int) g.outputSize(), Float.NaN));
        backend().conv2d(g, upload(x), upload(w), y);
        Check.close("conv2d " + g, download(y), ReferenceConvolution.forward(g, x, w),
                Tolerances.sum((long) g.inChannels() / g.groups() * g.kernelH() * g.kernelW()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void backwardInput(ConvGeometry g) {
        float[] dy = values(g, "dy", g.outputSize());
        float[] w = values(g, "w", g.weightSize());
        Buffer dx = upload(Values.filled((int) g.inputSize(), Float.NaN));
        backend().conv2dBackwardInput(g, upload(dy), upload(w), dx);
        Check.close("conv2dBackwardInput " + g, download(dx), ReferenceConvolution.backwardInput(g, dy, w),
                Tolerances.sum((long) g.outChannels() / g.groups() * g.kernelH() * g.kernelW()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void backwardFilter(ConvGeometry g) {
        float[] x = values(g, "x", g.inputSize());
        float[] dy = values(g, "dy", g.outputSize());
        Buffer dw = upload(Values.filled((int) g.weightSize(), Float.NaN));
        backend().conv2dBackwardFilter(g, upload(x), upload(dy), dw);
        Check.close("conv2dBackwardFilter " + g, download(dw), ReferenceConvolution.backwardFilter(g, x, dy),
                Tolerances.sum((long) g.batch() * g.outHeight() * g.outWidth()));
    }
}
