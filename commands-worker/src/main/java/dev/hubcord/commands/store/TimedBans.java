package dev.hubcord.commands.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bans to lift at a time. A worker {@link #claim claims} a due ban for a while before lifting it, so workers
 * sharing the database lift each ban once; a claim that is never completed (the worker died) expires and another
 * worker takes it.
 */
public final class TimedBans {

    /** One ban to lift. */
    public record TimedBan(String guildId, String userId, Instant liftAt, String reason) {}

    private final Database db;

    public TimedBans(Database db) {
        this.db = db;
    }

    /** Adds or replaces the ban's lift time. */
    public void schedule(String guildId, String userId, Instant liftAt, String reason) {
        db.update("INSERT INTO timed_bans (guild_id, user_id, lift_at, reason, claimed_until) VALUES (?, ?, ?, ?, 0) "
                + "ON CONFLICT (guild_id, user_id) DO UPDATE SET lift_at = excluded.lift_at, reason = excluded.reason, "
                + "claimed_until = 0", guildId, userId, liftAt.toEpochMilli(), reason);
    }

    /** Forgets a ban (a manual unban, or a permanent ban replacing a timed one); returns whether one was stored. */
    public boolean cancel(String guildId, String userId) {
        return db.update("DELETE FROM timed_bans WHERE guild_id = ? AND user_id = ?", guildId, userId) == 1;
    }

    /** Bans due at {@code now} and not claimed by a live claim. */
    public List<TimedBan> due(Instant now, int limit) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT guild_id, user_id, lift_at, reason FROM timed_bans "
                    + "WHERE lift_at <= ? AND claimed_until <= ? ORDER BY lift_at LIMIT ?")) {
                Database.bind(ps, now.toEpochMilli(), now.toEpochMilli(), limit);
                List<TimedBan> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TimedBan(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    /** Takes a due ban for {@code lease}; false when another worker holds it or it is gone. */
    public boolean claim(TimedBan ban, Instant now, Duration lease) {
        return db.update("UPDATE timed_bans SET claimed_until = ? WHERE guild_id = ? AND user_id = ? "
                + "AND lift_at <= ? AND claimed_until <= ?", now.plus(lease).toEpochMilli(), ban.guildId(),
                ban.userId(), now.toEpochMilli(), now.toEpochMilli()) == 1;
    }

    /** Removes a lifted ban (only if its lift time is still the one lifted, not a newer ban's). */
    public void lifted(TimedBan ban) {
        db.update("DELETE FROM timed_bans WHERE guild_id = ? AND user_id = ? AND lift_at = ?", ban.guildId(),
                ban.userId(), ban.liftAt().toEpochMilli());
    }

    public int size() {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM timed_bans");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }
}
