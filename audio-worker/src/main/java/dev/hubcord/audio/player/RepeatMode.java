package dev.hubcord.audio.player;

import java.util.Locale;

/** What happens when a track finishes: next in queue, the same track again, or the track back at the queue's end. */
public enum RepeatMode {
    OFF, TRACK, QUEUE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but off, track, queue */
    public static RepeatMode parse(String value) {
        return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
            case "off" -> OFF;
            case "track" -> TRACK;
            case "queue" -> QUEUE;
            default -> throw new IllegalArgumentException("repeat must be off, track or queue, got " + value);
        };
    }
}
