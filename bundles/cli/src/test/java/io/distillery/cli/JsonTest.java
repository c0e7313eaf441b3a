package io.distillery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON lines laid out as Python's json.dumps lays them out. */
class JsonTest {

    @Test
    void looksLikePythonsJsonDumps() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bench", "train");
        f.put("batch", 64);
        f.put("flops_per_sample", 14_356_800L);
        f.put("samples_per_s", 4861.3);
        f.put("whole", 14_356_800.0);
        f.put("zero", 0.0);
        f.put("disturbed", false);
        f.put("nothing", null);
        assertEquals("{\"bench\": \"train\", \"batch\": 64, \"flops_per_sample\": 14356800, \"samples_per_s\": 4861.3, "
                + "\"whole\": 14356800.0, \"zero\": 0.0, \"disturbed\": false, \"nothing\": null}", Json.object(f));
    }

    @Test
    void escapesLikeEnsureAscii() {
        assertEquals("{\"q\\\"\": \"a\\\\b\\n\\u00e9\\u0001\"}", Json.object(Map.of("q\"", "a\\b\n\u00e9\u0001")));
    }

    @Test
    void valuesThatAreNotFiniteBecomeNull() {
        assertEquals("{\"x\": null}", Json.object(Map.of("x", Double.POSITIVE_INFINITY)));
    }
}
