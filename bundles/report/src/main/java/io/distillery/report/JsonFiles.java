package io.distillery.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON side of reading a run directory: how its files are parsed, and Jackson's errors in one short line. */
final class JsonFiles {
    private static final int MAX_MESSAGE = 160;

    private JsonFiles() {}

    /**
     * A mapper for run files. It accepts {@code NaN} and {@code Infinity}, which a run that diverged may have
     * logged as a loss and which the plots skip, and it rejects text after the value, which is what two lines
     * written into one look like.
     *
     * @return a new mapper, safe to share once built
     */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * @param e a parse failure
     * @return its message without the source excerpt Jackson appends, on one line and cut to a readable length
     */
    static String describe(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "…";
    }
}
