package io.distillery.dataset.mnist;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Reads an IDX file of unsigned bytes (the format of MNIST, Fashion-MNIST and KMNIST): a magic number
 * {@code 0x0000080N} for {@code N} dimensions, {@code N} big-endian sizes, then the values.
 *
 * <p>The header is checked against the file's length before the values are allocated, so a corrupt header
 * fails with a message instead of an {@code OutOfMemoryError}: a raw file must hold exactly the declared bytes;
 * a gzipped one cannot expand to more than {@value #MAX_DEFLATE_RATIO} times its stored size, the most any
 * deflate stream can.
 */
final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final long MAX_DEFLATE_RATIO = 1032;
    // The largest array a JVM allocates is a few elements short of Integer.MAX_VALUE.
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private IdxReader() {}

    /**
     * @param input the file
     * @param rank the number of dimensions the file must declare
     * @return the declared sizes and the values
     * @throws IOException naming the file and what is wrong with it
     */
    static IdxArray read(IdxInput input, int rank) throws IOException {
        try (InputStream content = input.openContent(); DataInputStream in = new DataInputStream(content)) {
            int magic = in.readInt();
            int expected = (UNSIGNED_BYTE << 8) | rank;
            if (magic != expected) {
                throw new IOException(input.name() + ": wrong magic number 0x" + hex(magic) + ", expected 0x"
                        + hex(expected) + " (IDX unsigned bytes in " + rank + " dimensions)");
            }
            int[] dims = new int[rank];
            long count = 1;
            for (int d = 0; d < rank; d++) {
                dims[d] = in.readInt();
                if (dims[d] < 0) {
                    throw new IOException(input.name() + ": dimension " + d + " is negative (" + dims[d] + ")");
                }
                count *= dims[d];
                if (count > MAX_VALUES) {
                    throw new IOException(input.name() + ": declared dimensions " + describe(dims, d)
                            + " make more than " + MAX_VALUES + " values");
                }
            }
            checkLength(input, 4L + 4L * rank, count);
            byte[] values = new byte[(int) count];
            int read = in.readNBytes(values, 0, values.length);
            if (read < values.length) {
                throw truncated(input, count, read);
            }
            if (in.read() != -1) {
                throw new IOException(input.name() + ": has data after the " + count + " values its header declares");
            }
            return new IdxArray(dims, values);
        } catch (EOFException e) {
            throw new IOException(input.name() + ": truncated: the file ends inside its header or data", e);
        } catch (ZipException e) {
            throw new IOException(input.name() + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static void checkLength(IdxInput input, long header, long count) throws IOException {
        if (input.length() < 0) {
            return; // length unknown: the read itself detects truncation
        }
        if (!input.gzipped() && header + count != input.length()) {
            throw header + count > input.length() ? truncated(input, count, input.length() - header)
                    : new IOException(input.name() + ": has " + (input.length() - header - count)
                            + " bytes after the " + count + " values its header declares");
        }
        if (input.gzipped() && count > input.length() * MAX_DEFLATE_RATIO) {
            throw new IOException(input.name() + ": declares " + count + " values, more than a gzip file of "
                    + input.length() + " bytes can hold");
        }
    }

    private static IOException truncated(IdxInput input, long declared, long held) {
        return new IOException(input.name() + ": truncated: the header declares " + declared + " values, the file holds "
                + held);
    }

    private static String describe(int[] dims, int last) {
        StringBuilder s = new StringBuilder();
        for (int d = 0; d <= last; d++) {
            s.append(d == 0 ? "" : " x ").append(dims[d]);
        }
        return s.toString();
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }
}
