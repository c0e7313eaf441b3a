package io.distillery.runner.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.TensorData;

/**
 * Reads and writes the safetensors format (https://github.com/huggingface/safetensors): an 8-byte little-endian
 * header length, a JSON header naming each tensor's dtype, shape and byte range (plus free-form string
 * {@code __metadata__}), then the little-endian data. Only float32 ({@code F32}) tensors are written and read.
 * Files are written to a temporary file and renamed into place, so a reader never sees half a checkpoint.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";
    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {
    }

    /**
     * A file's tensors and metadata.
     *
     * @param tensors the tensors by name, in file order
     * @param metadata the string metadata
     */
    public record Contents(Map<String, TensorData> tensors, Map<String, String> metadata) {
    }

    /**
     * @param file where to write, replacing any file there atomically
     * @param tensors the tensors by name
     * @param metadata string metadata
     * @throws IOException if writing fails; the previous file, if any, is then untouched
     */
    public static void write(Path file, Map<String, TensorData> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        header.set(METADATA, JSON.valueToTree(metadata));
        long offset = 0;
        for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
            long bytes = 4L * e.getValue().shape().size();
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            t.set("shape", JSON.valueToTree(e.getValue().shape().toArray()));
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        AtomicFiles.write(file, channel -> {
            AtomicFiles.writeFully(channel, head);
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (TensorData t : tensors.values()) {
                for (float v : t.values()) {
                    if (!chunk.hasRemaining()) {
                        AtomicFiles.writeFully(channel, chunk.flip());
                        chunk.clear();
                    }
                    chunk.putFloat(v);
                }
            }
            AtomicFiles.writeFully(channel, chunk.flip());
        });
    }

    /**
     * @param file a safetensors file
     * @return its tensors and metadata
     * @throws IOException naming the file and what is wrong with it
     */
    public static Contents read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, len, file);
            long headerLength = len.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw new IOException(file + " is not a safetensors file: header length " + headerLength
                        + " does not fit a file of " + size + " bytes");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, file);
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBytes.array(), StandardCharsets.UTF_8).strip());
            } catch (JsonProcessingException e) {
                throw new IOException(file + " has a malformed safetensors header: " + e.getOriginalMessage(), e);
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            header.path(METADATA).fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
            long dataStart = 8 + headerLength;
            Map<String, TensorData> tensors = new LinkedHashMap<>();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            header.fields().forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                if (!e.getKey().equals(METADATA)) {
                    tensors.put(e.getKey(), tensor(channel, file, e.getKey(), e.getValue(), dataStart, size));
                }
            }
            return new Contents(tensors, metadata);
        }
    }

    private static TensorData tensor(FileChannel channel, Path file, String name, JsonNode t, long dataStart, long size)
            throws IOException {
        String dtype = t.path("dtype").asText();
        if (!dtype.equals("F32")) {
            throw new IOException(file + ": tensor '" + name + "' has dtype " + dtype + "; only F32 is supported");
        }
        List<Integer> dims = new ArrayList<>();
        t.path("shape").forEach(d -> dims.add(d.asInt()));
        Shape shape = Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
        long begin = t.path("data_offsets").path(0).asLong(-1);
        long end = t.path("data_offsets").path(1).asLong(-1);
        if (begin < 0 || end - begin != 4L * shape.size() || dataStart + end > size) {
            throw new IOException(file + ": tensor '" + name + "' of shape " + shape + " has data offsets [" + begin
                    + ", " + end + "] that do not fit it or the file (" + size + " bytes)");
        }
        ByteBuffer data = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(dataStart + begin);
        readFully(channel, data, file);
        float[] v = new float[shape.size()];
        data.flip().asFloatBuffer().get(v);
        return new TensorData(shape, v);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, Path file) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException(file + " is truncated");
            }
        }
    }
}
