package io.distillery.dataset.imagefolder;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Decodes an image file with ImageIO and resizes it (bilinear) to a fixed size, as bytes laid out channel by
 * channel: red, green and blue planes, or one grey plane (ITU-R BT.601 luma). Transparent pixels are drawn over
 * black.
 *
 * @param height the rows of every image
 * @param width the columns of every image
 * @param channels 3 for colour, 1 for grey
 */
record ImageDecoder(int height, int width, int channels) {

    /** @return the bytes of one decoded image */
    int bytes() {
        return channels * height * width;
    }

    /**
     * @param file an image file
     * @param dst where to write {@link #bytes()} values
     * @param offset the first position to write
     * @throws IOException naming the file if it cannot be read or decoded
     */
    void decode(Path file, byte[] dst, int offset) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders also throw unchecked exceptions on corrupt data.
            throw new IOException(file + ": cannot be decoded as an image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new IOException(file + ": cannot be decoded as an image (no PNG or JPEG decoder recognises it)");
        }
        BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = resized.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int gr = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int at = offset + y * width + x;
                if (channels == 1) {
                    dst[at] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
                } else {
                    dst[at] = (byte) r;
                    dst[at + plane] = (byte) gr;
                    dst[at + 2 * plane] = (byte) b;
                }
            }
        }
    }
}
