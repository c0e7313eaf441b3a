package io.distillery.dataset.synthetic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.DatasetProvider;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code synthetic} data set format: small classification tasks generated from a seed, for tests and
 * benchmarks; it takes no location. One seed always gives the same examples.
 *
 * <p>Options: {@code kind} ({@code blobs}, the default, {@code spirals} or {@code images}), {@code train_size}
 * and {@code test_size} (1000, 200), {@code classes} (3 blobs, 2 spirals, 10 images), {@code seed} (0),
 * {@code noise}; for blobs {@code features} (2); for spirals {@code turns} (1.5); for images {@code size} (28)
 * and {@code channels} (1). An option that does not apply to the kind is an error.
 */
@Component(property = {DatasetProvider.NAME + "=synthetic", DatasetProvider.DESCRIPTION
        + "=Seeded generated tasks for tests and benchmarks: Gaussian blobs, spirals, random class images"})
public final class SyntheticProvider implements DatasetProvider {
    private static final List<String> COMMON = List.of("kind", "train_size", "test_size", "classes", "seed", "noise");
    private static final Map<String, List<String>> SPECIFIC = Map.of("blobs", List.of("features"),
            "spirals", List.of("turns"), "images", List.of("size", "channels"));

    @Override
    public DataSplits open(Path location, Map<String, Object> options) {
        if (location != null) {
            throw new IllegalArgumentException("dataset synthetic generates its data and takes no location, got " + location);
        }
        List<String> all = new ArrayList<>(COMMON);
        SPECIFIC.values().forEach(all::addAll);
        String kind = Options.of(options, "dataset synthetic", all.toArray(String[]::new))
                .choice("kind", "blobs", "blobs", "spirals", "images");
        List<String> known = new ArrayList<>(COMMON);
        known.addAll(SPECIFIC.get(kind));
        Options o = Options.of(options, "dataset synthetic of kind " + kind, known.toArray(String[]::new));
        Generator generator = switch (kind) {
            case "spirals" -> new Spirals(o.integer("classes", 2, 2, 1000), o.number("turns", 1.5, 0, 100),
                    o.number("noise", 0.05, 0, 100));
            case "images" -> new ClassImages(o.integer("classes", 10, 2, 1000), o.integer("channels", 1, 1, 16),
                    o.integer("size", 28, 1, 1024), o.number("noise", 0.1, 0, 10));
            default -> new Blobs(o.integer("classes", 3, 2, 1000), o.integer("features", 2, 1, 1 << 16),
                    o.number("noise", 1, 0, 1e6));
        };
        int train = o.integer("train_size", 1000, 1, 10_000_000);
        int test = o.integer("test_size", 200, 1, 10_000_000);
        // One stream for what both parts share, one for each part's examples.
        SeededRandom root = new SeededRandom(o.integer("seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE));
        long task = root.nextLong();
        String name = "synthetic-" + kind;
        return new DataSplits(generator.generate(name + "/train", train, new SeededRandom(task), root.split()),
                generator.generate(name + "/test", test, new SeededRandom(task), root.split()));
    }
}
