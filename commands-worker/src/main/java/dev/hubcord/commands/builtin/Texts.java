package dev.hubcord.commands.builtin;

import dev.hubcord.commands.hub.HubUser;
import java.time.Instant;

/** Small formatting helpers for replies. */
final class Texts {

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private Texts() {
    }

    /** Escapes Discord markdown in user-provided names. */
    static String plain(String s) {
        return s == null ? "" : s.replaceAll("([*_`~|>\\\\])", "\\\\$1");
    }

    static String who(HubUser u) {
        return u.username() == null ? u.id() : plain(u.tag());
    }

    /** When a snowflake was made. */
    static Instant createdAt(String snowflake) {
        return Instant.ofEpochMilli((Long.parseUnsignedLong(snowflake) >>> 22) + DISCORD_EPOCH);
    }

    /** A Discord timestamp tag, shown in each reader's time zone. */
    static String time(Instant t) {
        return "<t:" + t.getEpochSecond() + ":f>";
    }

    /** The audit-log reason: the given reason and who asked. */
    static String auditReason(String reason, String authorId) {
        return (reason == null || reason.isBlank() ? "No reason given" : reason) + " (by " + authorId + ")";
    }
}
