package dev.hubcord.cache.model;

import dev.hubcord.cache.CacheException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * ISO 8601 timestamps held as epoch microseconds (Discord sends microsecond precision), with
 * {@link #NONE} for null, so a member costs one long instead of an object.
 */
public final class Timestamps {

    /** Marks an absent timestamp. */
    public static final long NONE = Long.MIN_VALUE;

    private static final DateTimeFormatter DISCORD =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private Timestamps() {
    }

    public static long parseMicros(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new CacheException(CacheException.Kind.INVALID_FIELD, "not an ISO 8601 timestamp: \"" + text + "\"", e);
        }
    }

    /** Formats like Discord: {@code 2022-10-13T14:35:40.794000+00:00}. */
    public static String format(long micros) {
        Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        return DISCORD.format(instant.atOffset(ZoneOffset.UTC));
    }
}
