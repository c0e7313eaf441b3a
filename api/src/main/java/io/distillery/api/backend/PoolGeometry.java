package io.distillery.api.backend;

/**
 * The sizes of a 2-d pooling over {@code NCHW} data; 1-d pooling is height 1 with a kernel of height 1.
 *
 * <p>Output {@code [batch, channels, outHeight(), outWidth()]}, sizes rounded down. Windows may reach into the
 * padding, which counts as minus infinity for {@link PoolOp#MAX} and as zero for {@link PoolOp#AVG}.
 *
 * @param batch examples
 * @param channels channels
 * @param height input height
 * @param width input width
 * @param kernelH window height
 * @param kernelW window width
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padH rows of padding above and below, at most half the window
 * @param padW columns of padding left and right, at most half the window
 */
public record PoolGeometry(int batch, int channels, int height, int width, int kernelH, int kernelW,
        int strideH, int strideW, int padH, int padW) {

    /** @throws IllegalArgumentException naming the first invalid size */
    public PoolGeometry {
        if (batch < 1 || channels < 1 || height < 1 || width < 1 || kernelH < 1 || kernelW < 1
                || strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("pooling sizes must be positive: " + this);
        }
        if (padH < 0 || padW < 0 || 2 * padH > kernelH || 2 * padW > kernelW) {
            throw new IllegalArgumentException("pooling padding " + padH + "x" + padW
                    + " must be between 0 and half the window " + kernelH + "x" + kernelW);
        }
        if (height + 2 * padH < kernelH || width + 2 * padW < kernelW) {
            throw new IllegalArgumentException("pooling window " + kernelH + "x" + kernelW
                    + " does not fit input " + height + "x" + width + " with padding " + padH + "x" + padW);
        }
    }

    /** @return output height */
    public int outHeight() {
        return (height + 2 * padH - kernelH) / strideH + 1;
    }

    /** @return output width */
    public int outWidth() {
        return (width + 2 * padW - kernelW) / strideW + 1;
    }

    /** @return elements of the input */
    public long inputSize() {
        return (long) batch * channels * height * width;
    }

    /** @return elements of the output */
    public long outputSize() {
        return (long) batch * channels * outHeight() * outWidth();
    }
}
