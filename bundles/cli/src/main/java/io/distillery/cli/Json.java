package io.distillery.cli;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders flat fields as one JSON object laid out as Python's {@code json.dumps} lays it out, so that a line of
 * {@code distill bench} and a line of the PyTorch reference script look alike: {@code {"a": 1, "b": 2.5, "c": "x"}}.
 * Whole numbers stay whole, fractional ones always show a decimal point, non-ASCII characters are escaped, and
 * values that are not finite become {@code null}.
 */
final class Json {

    private Json() {}

    /**
     * @param fields names and values: strings, numbers, booleans or {@code null}; anything else as its string
     * @return the object on one line
     */
    static String object(Map<String, ?> fields) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        fields.forEach((name, value) -> out.add(string(name) + ": " + value(value)));
        return out.toString();
    }

    private static String value(Object value) {
        if (value == null || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Number n) {
            return decimal(n.doubleValue());
        }
        return string(value.toString());
    }

    private static String decimal(double d) {
        if (!Double.isFinite(d)) {
            return "null";
        }
        String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
