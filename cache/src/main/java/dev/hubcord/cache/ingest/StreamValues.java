package dev.hubcord.cache.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hubcord.cache.CacheException;
import dev.hubcord.cache.CacheException.Kind;
import dev.hubcord.cache.model.Snowflakes;
import dev.hubcord.cache.model.Timestamps;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

/** Typed reads of the current token of a streaming parser, failing with the field's name. */
final class StreamValues {

    private static final BigInteger MAX_UNSIGNED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private StreamValues() {
    }

    static long snowflake(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Snowflakes.parse(p.getText());
            } catch (CacheException e) {
                throw new CacheException(Kind.INVALID_SNOWFLAKE, field + ": " + e.getMessage());
            }
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            BigInteger v = p.getBigIntegerValue();
            if (v.signum() >= 0 && v.compareTo(MAX_UNSIGNED) <= 0) {
                return v.longValue();
            }
        }
        if (t == JsonToken.VALUE_NULL) {
            throw new CacheException(Kind.MISSING_FIELD, field + " is null");
        }
        throw new CacheException(Kind.INVALID_SNOWFLAKE, field + ": expected a snowflake string, got " + t);
    }

    /** A string or null. */
    static String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        throw new CacheException(Kind.INVALID_FIELD, field + ": expected a string, got " + t);
    }

    /** A boolean, or null for JSON null. */
    static Boolean bool(JsonParser p, String field) {
        JsonToken t = p.currentToken();
        return switch (t) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new CacheException(Kind.INVALID_FIELD, field + ": expected a boolean, got " + t);
        };
    }

    /** Epoch microseconds, or {@link Timestamps#NONE} for null. */
    static long timestamp(JsonParser p, String field) throws IOException {
        String s = text(p, field);
        if (s == null) {
            return Timestamps.NONE;
        }
        try {
            return Timestamps.parseMicros(s);
        } catch (CacheException e) {
            throw new CacheException(Kind.INVALID_FIELD, field + ": " + e.getMessage());
        }
    }

    /** Sorted, duplicate-free IDs; null for JSON null. */
    static long[] snowflakeArray(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw new CacheException(Kind.INVALID_FIELD, field + ": expected an array, got " + t);
        }
        long[] ids = new long[8];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n++] = snowflake(p, field + "[]");
        }
        return sortedUnique(ids, n);
    }

    static long[] sortedUnique(long[] ids, int n) {
        long[] out = Arrays.copyOf(ids, n);
        Arrays.sort(out);
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (w == 0 || out[w - 1] != out[i]) {
                out[w++] = out[i];
            }
        }
        return w == n ? out : Arrays.copyOf(out, w);
    }

    /** Discord's discriminator: "0" for migrated users, else 1 to 4 digits; -1 when null. */
    static int discriminator(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return -1;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
            return discriminator(p.getText(), field);
        }
        throw new CacheException(Kind.INVALID_FIELD, field + ": expected a string, got " + t);
    }

    static int discriminator(String s, String field) {
        if (s.isEmpty() || s.length() > 4) {
            throw new CacheException(Kind.INVALID_FIELD, field + ": not a discriminator: \"" + s + "\"");
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new CacheException(Kind.INVALID_FIELD, field + ": not a discriminator: \"" + s + "\"");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
