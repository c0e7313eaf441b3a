package io.distillery.dataset.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * The {@code csv} data set format: a folder holding a training and a test table of numbers, one example per
 * row, one column the label. Examples have shape {@code [features]}.
 *
 * <pre>{@code
 * dataset: {name: csv, location: data/iris, options: {label: species, train_file: iris-train.csv}}
 * }</pre>
 *
 * Options: {@code train_file} and {@code test_file} (default {@code train.csv}, {@code test.csv});
 * {@code label}, a column name or 0-based index, negative counting from the end (default -1, the last);
 * {@code header}: {@code true}, {@code false} or {@code auto} (the default); {@code delimiter} (default
 * {@code ,}; {@code tab} for tabs). Labels, numbers or names, map to classes 0..k-1 the same way in both files.
 */
@Component(property = {DatasetProvider.NAME + "=csv", DatasetProvider.DESCRIPTION
        + "=Numeric CSV tables (train.csv, test.csv) with a label column by name or index; header detected"})
public final class CsvProvider implements DatasetProvider {
    private static final String EXPECTED = "a folder with a training and a test CSV file";

    @Override
    public DataSplits open(Path location, Map<String, Object> options) throws IOException {
        Options o = Options.of(options, "dataset csv", CsvLayout.OPTIONS);
        CsvLayout layout = CsvLayout.of(o);
        Path dir = DataFiles.directory(DataFiles.requireLocation(location, "dataset csv", EXPECTED), EXPECTED);
        String name = dir.getFileName() == null ? "csv" : dir.getFileName().toString();
        CsvTable train = CsvReader.read(DataFiles.file(dir, "the training table", o.string("train_file", "train.csv")), layout);
        CsvTable test = CsvReader.read(DataFiles.file(dir, "the test table", o.string("test_file", "test.csv")), layout);
        if (train.featureCount() != test.featureCount() || train.header() != null && test.header() != null
                && !Objects.equals(train.header(), test.header())) {
            throw new IOException(test.file() + ": its columns " + describe(test) + " differ from those of "
                    + train.file() + ", " + describe(train));
        }
        List<String> labels = new ArrayList<>(train.labels());
        labels.addAll(test.labels());
        ClassIndex classes = ClassIndex.of(labels);
        return new DataSplits(examples(name + "/train", train, classes), examples(name + "/test", test, classes));
    }

    private static String describe(CsvTable table) {
        return table.header() != null ? table.header().toString() : (table.featureCount() + 1) + " unnamed columns";
    }

    private static Dataset examples(String name, CsvTable table, ClassIndex classes) {
        int[] labels = new int[table.labels().size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = classes.indexOf(table.labels().get(i));
        }
        return new FloatExamples(name, Shape.of(table.featureCount()), classes.size(), table.features(), labels);
    }
}
