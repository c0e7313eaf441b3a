package io.distillery.api.backend;

/**
 * The sizes of a 2-d convolution over {@code NCHW} data; a 1-d convolution is one of height 1.
 *
 * <p>Input {@code x} is {@code [batch, inChannels, height, width]}; weights {@code w} are
 * {@code [outChannels, inChannels / groups, kernelH, kernelW]}; output {@code y} is
 * {@code [batch, outChannels, outHeight(), outWidth()]}. Output position {@code (i, j)} reads input rows
 * {@code i * strideH - padH + a * dilationH} for {@code a < kernelH}, and likewise for columns; positions
 * outside the input read zero. Channels split into {@code groups} independent groups.
 *
 * @param batch examples
 * @param inChannels input channels, a multiple of groups
 * @param height input height
 * @param width input width
 * @param outChannels output channels, a multiple of groups
 * @param kernelH kernel height
 * @param kernelW kernel width
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padH zero rows added above and below
 * @param padW zero columns added left and right
 * @param dilationH vertical spacing of kernel taps
 * @param dilationW horizontal spacing of kernel taps
 * @param groups channel groups
 */
public record ConvGeometry(int batch, int inChannels, int height, int width, int outChannels,
        int kernelH, int kernelW, int strideH, int strideW, int padH, int padW,
        int dilationH, int dilationW, int groups) {

    /** @throws IllegalArgumentException naming the first invalid size */
    public ConvGeometry {
        positive("batch", batch);
        positive("inChannels", inChannels);
        positive("height", height);
        positive("width", width);
        positive("outChannels", outChannels);
        positive("kernelH", kernelH);
        positive("kernelW", kernelW);
        positive("strideH", strideH);
        positive("strideW", strideW);
        positive("dilationH", dilationH);
        positive("dilationW", dilationW);
        positive("groups", groups);
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("negative convolution padding " + padH + "x" + padW);
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("channels " + inChannels + " -> " + outChannels
                    + " are not divisible by groups=" + groups);
        }
        if (outSize(height, kernelH, strideH, padH, dilationH) < 1 || outSize(width, kernelW, strideW, padW, dilationW) < 1) {
            throw new IllegalArgumentException("convolution kernel " + kernelH + "x" + kernelW + " (dilation "
                    + dilationH + "x" + dilationW + ") does not fit input " + height + "x" + width
                    + " with padding " + padH + "x" + padW);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("convolution " + name + " must be positive, got " + value);
        }
    }

    static int outSize(int in, int kernel, int stride, int pad, int dilation) {
        return Math.floorDiv(in + 2 * pad - dilation * (kernel - 1) - 1, stride) + 1;
    }

    /** @return output height */
    public int outHeight() {
        return outSize(height, kernelH, strideH, padH, dilationH);
    }

    /** @return output width */
    public int outWidth() {
        return outSize(width, kernelW, strideW, padW, dilationW);
    }

    /** @return elements of the input */
    public long inputSize() {
        return (long) batch * inChannels * height * width;
    }

    /** @return elements of the weights */
    public long weightSize() {
        return (long) outChannels * (inChannels / groups) * kernelH * kernelW;
    }

    /** @return elements of the output */
    public long outputSize() {
        return (long) batch * outChannels * outHeight() * outWidth();
    }

    /** @return multiply-accumulates of one forward pass */
    public long macs() {
        return outputSize() * (inChannels / groups) * kernelH * kernelW;
    }
}
