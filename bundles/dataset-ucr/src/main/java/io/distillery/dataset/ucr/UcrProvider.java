package io.distillery.dataset.ucr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.DatasetProvider;
import io.distillery.api.tensor.Shape;
import io.distillery.data.support.ClassIndex;
import io.distillery.data.support.DataFiles;
import io.distillery.data.support.FloatExamples;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code ucr} data set format: one problem of the UCR univariate archive ({@code NAME_TRAIN.tsv},
 * {@code NAME_TEST.tsv}) or the UEA multivariate archive ({@code NAME_TRAIN.ts}, {@code NAME_TEST.ts}), as
 * examples of shape {@code [channels, length]} for the time-series models of Fawaz et al.
 *
 * <p>The location is the problem's folder; its name is the problem's unless option {@code name} says otherwise.
 * Training and test series are padded to one length; option {@code z_normalize} normalises each channel of each
 * series; option {@code missing} says whether missing values and padding become {@code zero} (the default,
 * after normalisation: the series' mean) or stay {@code nan}. Labels map to classes 0..k-1 the same way in both
 * parts: by value when numeric, else alphabetically.
 */
@Component(property = {DatasetProvider.NAME + "=ucr", DatasetProvider.DESCRIPTION
        + "=UCR univariate (NAME_TRAIN.tsv) and UEA multivariate (NAME_TRAIN.ts) time-series archives"})
public final class UcrProvider implements DatasetProvider {
    private static final String EXPECTED = "a problem folder of the UCR or UEA archive, holding NAME_TRAIN.tsv and "
            + "NAME_TEST.tsv, or NAME_TRAIN.ts and NAME_TEST.ts";

    @Override
    public DataSplits open(Path location, Map<String, Object> options) throws IOException {
        Options o = Options.of(options, "dataset ucr", "name", "format", "z_normalize", "missing");
        Path dir = DataFiles.directory(DataFiles.requireLocation(location, "dataset ucr", EXPECTED), EXPECTED);
        String name = o.string("name", dir.getFileName() == null ? "ucr" : dir.getFileName().toString());
        String format = o.choice("format", "auto", "auto", "tsv", "ts");
        boolean zNormalize = o.flag("z_normalize", false);
        boolean zeroMissing = o.choice("missing", "zero", "zero", "nan").equals("zero");
        if (format.equals("auto")) {
            // The TSV archive unless only .ts files are there; a missing file is then reported under its TSV name.
            format = Files.isRegularFile(dir.resolve(name + "_TRAIN.ts")) && !Files.isRegularFile(dir.resolve(name + "_TRAIN.tsv"))
                    ? "ts" : "tsv";
        }
        RawSeries train = read(dir, name + "_TRAIN." + format, "training series");
        RawSeries test = read(dir, name + "_TEST." + format, "test series");
        if (train.channels() != test.channels()) {
            throw new IOException(test.file() + ": series of " + test.channels() + " dimensions, but " + train.file()
                    + " has " + train.channels());
        }
        int length = Math.max(train.length(), test.length());
        List<String> labels = new ArrayList<>(train.declaredClasses());
        if (labels.isEmpty()) {
            labels.addAll(train.labels());
            labels.addAll(test.labels());
        }
        ClassIndex classes = ClassIndex.of(labels);
        return new DataSplits(examples(name + "/train", train.padTo(length), classes, zNormalize, zeroMissing),
                examples(name + "/test", test.padTo(length), classes, zNormalize, zeroMissing));
    }

    private static RawSeries read(Path dir, String file, String what) throws IOException {
        Path path = DataFiles.file(dir, "the " + what + " of problem '" + file.substring(0, file.lastIndexOf('_')) + "'",
                file);
        return file.endsWith(".ts") ? TsReader.read(path) : TsvReader.read(path);
    }

    private static Dataset examples(String name, RawSeries raw, ClassIndex classes, boolean zNormalize,
            boolean zeroMissing) throws IOException {
        float[] values = raw.values();
        if (zNormalize) {
            SeriesValues.zNormalize(values, raw.length());
        }
        if (zeroMissing) {
            SeriesValues.fillMissing(values, 0);
        }
        int[] labels = new int[raw.count()];
        for (int i = 0; i < labels.length; i++) {
            try {
                labels[i] = classes.indexOf(raw.labels().get(i));
            } catch (IllegalArgumentException e) {
                throw new IOException(raw.file() + ": series " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new FloatExamples(name, Shape.of(raw.channels(), raw.length()), classes.size(), values, labels);
    }
}
