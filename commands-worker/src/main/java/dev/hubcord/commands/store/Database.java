package dev.hubcord.commands.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite connection for the process, used by one thread at a time. WAL mode lets readers and the one writer of
 * several processes go on together; the busy timeout makes a writer wait for another process's write instead of
 * failing.
 */
public final class Database implements AutoCloseable {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS journal (
                command_id TEXT NOT NULL,
                step       TEXT NOT NULL,
                at_millis  INTEGER NOT NULL,
                PRIMARY KEY (command_id, step));
            CREATE INDEX IF NOT EXISTS journal_at ON journal (at_millis);
            CREATE TABLE IF NOT EXISTS timed_bans (
                guild_id      TEXT NOT NULL,
                user_id       TEXT NOT NULL,
                lift_at       INTEGER NOT NULL,
                reason        TEXT,
                claimed_until INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (guild_id, user_id));
            CREATE INDEX IF NOT EXISTS timed_bans_lift ON timed_bans (lift_at);
            CREATE TABLE IF NOT EXISTS music_channels (
                guild_id   TEXT PRIMARY KEY,
                channel_id TEXT NOT NULL);
            """;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and its tables. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                for (String sql : SCHEMA.split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            return new Database(file, c);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException(StoreException.Kind.OPEN, "cannot open database " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /** Work with the connection; statements run one at a time in this process. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T with(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.QUERY, "database " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs an update with string/long parameters and returns the changed row count. */
    public int update(String sql, Object... params) {
        return with(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                return ps.executeUpdate();
            }
        });
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a database we no longer use: nothing to recover
        } finally {
            lock.unlock();
        }
    }
}
