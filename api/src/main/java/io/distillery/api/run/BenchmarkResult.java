package io.distillery.api.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured configuration, as named fields in a fixed order: the same keys the PyTorch reference script
 * prints ({@code bench}, {@code model}, {@code batch}, {@code threads}, {@code samples_per_s}, ... for training;
 * {@code bench}, {@code n}, {@code threads}, {@code gflops_median}, ... for gemm), so that both can be compared
 * line by line.
 *
 * @param fields the values by name: strings, numbers and booleans
 */
public record BenchmarkResult(Map<String, Object> fields) {

    /** Copies the fields, keeping their order. */
    public BenchmarkResult {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
