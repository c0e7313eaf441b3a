package io.distillery.dataset.cifar;

import java.util.List;

/**
 * One variant of the CIFAR binary format: which files hold it and where a record's label is. Every record is
 * its label byte(s) followed by a 32×32 colour image as 3072 bytes: the red plane, then green, then blue.
 *
 * @param name the data set's name, e.g. {@code cifar10}
 * @param folder the folder the archive unpacks to, e.g. {@code cifar-10-batches-bin}
 * @param trainFiles the training files, in order
 * @param testFile the test file
 * @param labelBytes the label bytes before each image
 * @param labelAt which of them is the label used
 * @param classes the number of classes of that label
 */
record CifarFormat(String name, String folder, List<String> trainFiles, String testFile, int labelBytes, int labelAt,
        int classes) {

    /** The values of one image. */
    static final int IMAGE_BYTES = 3 * 32 * 32;

    /** CIFAR-10: five training batches and one test batch, one label byte. */
    static final CifarFormat CIFAR10 = new CifarFormat("cifar10", "cifar-10-batches-bin",
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
            "test_batch.bin", 1, 0, 10);

    /**
     * @param fine whether to use the 100 fine labels rather than the 20 coarse ones
     * @return CIFAR-100: one training and one test file, a coarse then a fine label byte
     */
    static CifarFormat cifar100(boolean fine) {
        return new CifarFormat("cifar100", "cifar-100-binary", List.of("train.bin"), "test.bin", 2, fine ? 1 : 0,
                fine ? 100 : 20);
    }

    /** @return the bytes of one record */
    int recordBytes() {
        return labelBytes + IMAGE_BYTES;
    }

    /** @return what a directory of this format holds, for messages */
    String expected() {
        return "the CIFAR binary files " + String.join(", ", trainFiles) + " and " + testFile + " (or a folder "
                + folder + " holding them)";
    }
}
