package io.distillery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference script's table layout, a heading per kind of result, and the JSON line after each row. */
class BenchTableTest {

    @Test
    void printsEachTableWithItsHeadingOnceAndAJsonLinePerRow() {
        StringWriter text = new StringWriter();
        BenchTable table = new BenchTable(new PrintWriter(text), 5);
        table.add(Results.training("mlp", false));
        table.add(Results.training("kd", true));
        table.add(Results.gemm());
        List<String> lines = text.toString().lines().filter(l -> !l.startsWith("JSON ")).toList();
        assertEquals(List.of(
                "",
                "== training throughput (synthetic data, 5 s window per config)",
                "model   batch threads   samples/s    (median)    ms/step  GFLOP/s     own  foreign  backend",
                "mlp        64       2      4861.3      4870.2      13.14     69.9    1.98     0.00  jvm",
                "kd         64       2      4861.3      4870.2      13.14     69.9    1.98     0.00  jvm *",
                "",
                "== SGEMM through the backend, n x n float32, median of 10",
                "lib        n threads  GFLOP/s med GFLOP/s best     ms med  foreign",
                "jvm     2048       1         61.2         63.0     280.71     0.21 *"), lines);
        assertEquals(3, text.toString().lines().filter(l -> l.startsWith("JSON {\"bench\": ")).count());
    }
}
