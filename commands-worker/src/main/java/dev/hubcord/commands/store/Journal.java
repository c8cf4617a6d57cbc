package dev.hubcord.commands.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;

/**
 * What has been done, by command ID (the message or interaction ID): the steps a command marked with
 * {@code once}, and {@link #DONE} once it finished. A redelivered command that is done is only acknowledged; one
 * that died half-way reruns and skips its journaled steps. Entries expire after the TTL.
 */
public final class Journal {

    public static final String DONE = "done";

    private final Database db;
    private final Clock clock;
    private final Duration ttl;

    public Journal(Database db, Clock clock, Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
    }

    public boolean has(String commandId, String step) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM journal WHERE command_id = ? AND step = ?")) {
                Database.bind(ps, commandId, step);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Records a step; returns false when it was already recorded (by this or another worker). */
    public boolean mark(String commandId, String step) {
        return db.update("INSERT OR IGNORE INTO journal (command_id, step, at_millis) VALUES (?, ?, ?)", commandId,
                step, clock.millis()) == 1;
    }

    public boolean done(String commandId) {
        return has(commandId, DONE);
    }

    /** Deletes entries older than the TTL; returns how many. */
    public int purge() {
        return db.update("DELETE FROM journal WHERE at_millis < ?", clock.millis() - ttl.toMillis());
    }
}
