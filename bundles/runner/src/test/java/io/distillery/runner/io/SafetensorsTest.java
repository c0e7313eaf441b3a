package io.distillery.runner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.TensorData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors layout, byte for byte as the format specifies, and bad files. */
class SafetensorsTest {
    @TempDir
    Path tmp;

    private final Map<String, TensorData> tensors = new LinkedHashMap<>();

    SafetensorsTest() {
        tensors.put("fc.weight", new TensorData(Shape.of(2, 3), new float[] {1, 2, 3, 4, 5, 6.5f}));
        tensors.put("fc.bias", new TensorData(Shape.of(2), new float[] {-1, 0.25f}));
        tensors.put("step", new TensorData(Shape.scalar(), new float[] {7}));
    }

    @Test
    void writesTheSpecifiedLayoutAndReadsItBack() throws IOException {
        Path file = tmp.resolve("m.safetensors");
        Safetensors.write(file, tensors, Map.of("epoch", "3"));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertEquals(0, (8 + n) % 8, "data starts 8-byte aligned");
        JsonNode header = new ObjectMapper().readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8).strip());
        assertEquals("3", header.get("__metadata__").get("epoch").asText());
        assertEquals("F32", header.get("fc.weight").get("dtype").asText());
        assertEquals("[2,3]", header.get("fc.weight").get("shape").toString());
        assertEquals("[0,24]", header.get("fc.weight").get("data_offsets").toString());
        assertEquals("[24,32]", header.get("fc.bias").get("data_offsets").toString());
        assertEquals("[]", header.get("step").get("shape").toString());
        assertEquals(8 + n + 36, bytes.length);
        assertEquals(6.5f, b.position((int) (8 + n + 20)).getFloat(), "little-endian float32 data");

        Safetensors.Contents read = Safetensors.read(file);
        assertEquals(tensors, read.tensors());
        assertEquals(Map.of("epoch", "3"), read.metadata());
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }

    @Test
    void badFilesAreReportedWithTheirName() throws IOException {
        Path file = tmp.resolve("m.safetensors");
        Safetensors.write(file, tensors, Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = tmp.resolve("truncated.safetensors");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 3));
        assertTrue(message(truncated).contains("truncated.safetensors") && message(truncated).contains("do not fit"));
        Path garbage = tmp.resolve("garbage.safetensors");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertTrue(message(garbage).contains("is not a safetensors file"), message(garbage));
        Path f16 = tmp.resolve("f16.safetensors");
        Files.write(f16, new String(bytes, StandardCharsets.ISO_8859_1).replaceFirst("F32", "F16")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(message(f16).contains("dtype F16; only F32"), message(f16));
    }

    private static String message(Path file) {
        return assertThrows(IOException.class, () -> Safetensors.read(file)).getMessage();
    }
}
