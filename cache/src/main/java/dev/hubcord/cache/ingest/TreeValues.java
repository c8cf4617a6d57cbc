package dev.hubcord.cache.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.cache.CacheException;
import dev.hubcord.cache.CacheException.Kind;
import dev.hubcord.cache.model.Snowflakes;

/** Typed reads of fields of a JSON object node, failing with the field's name. */
final class TreeValues {

    private TreeValues() {
    }

    static boolean present(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        return v != null && !v.isNull();
    }

    static long snowflake(JsonNode obj, String field, String where) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            throw new CacheException(Kind.MISSING_FIELD, where + "." + field + " is missing");
        }
        return snowflake(v, where + "." + field);
    }

    static long snowflake(JsonNode v, String where) {
        if (v.isTextual()) {
            try {
                return Snowflakes.parse(v.textValue());
            } catch (CacheException e) {
                throw new CacheException(Kind.INVALID_SNOWFLAKE, where + ": " + e.getMessage());
            }
        }
        if (v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0 && v.bigIntegerValue().bitLength() <= 64) {
            return v.bigIntegerValue().longValue();
        }
        throw new CacheException(Kind.INVALID_SNOWFLAKE, where + ": expected a snowflake string, got " + v.getNodeType());
    }

    /** An optional snowflake; {@code absent} when missing or null. */
    static long optSnowflake(JsonNode obj, String field, String where, long absent) {
        return present(obj, field) ? snowflake(obj.get(field), where + "." + field) : absent;
    }

    static String text(JsonNode obj, String field, String where) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new CacheException(Kind.INVALID_FIELD, where + "." + field + ": expected a string, got " + v.getNodeType());
        }
        return v.textValue();
    }

    static int integer(JsonNode obj, String field, String where, int absent) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new CacheException(Kind.INVALID_FIELD, where + "." + field + ": expected an integer, got " + v);
        }
        return v.intValue();
    }

    static boolean bool(JsonNode obj, String field, String where, boolean absent) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new CacheException(Kind.INVALID_FIELD, where + "." + field + ": expected a boolean, got " + v.getNodeType());
        }
        return v.booleanValue();
    }

    /** A permission bit set: Discord sends decimal strings, the Oxyl-era seed an integer; accept both. */
    static long permissions(JsonNode obj, String field, String where) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Snowflakes.parse(v.textValue());
            } catch (CacheException e) {
                // fall through to the field-specific message
            }
        }
        throw new CacheException(Kind.INVALID_FIELD, where + "." + field + ": expected a permission bit set, got " + v);
    }

    /** An array field, or null when absent or null. */
    static JsonNode array(JsonNode obj, String field, String where) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new CacheException(Kind.INVALID_FIELD, where + "." + field + ": expected an array, got " + v.getNodeType());
        }
        return v;
    }

    static void requireObject(JsonNode v, String where) {
        if (v == null || !v.isObject()) {
            throw new CacheException(Kind.NOT_AN_OBJECT, where + " is not a JSON object");
        }
    }
}
