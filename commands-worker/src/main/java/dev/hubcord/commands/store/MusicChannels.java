package dev.hubcord.commands.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Guild → the text channel music was last started from, where track events are announced. The audio worker
 * echoes the channel in its track events too; this is the fallback for events that lack it.
 */
public final class MusicChannels {

    private final Database db;

    public MusicChannels(Database db) {
        this.db = db;
    }

    public void put(String guildId, String channelId) {
        db.update("INSERT INTO music_channels (guild_id, channel_id) VALUES (?, ?) "
                + "ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id", guildId, channelId);
    }

    public Optional<String> get(String guildId) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT channel_id FROM music_channels WHERE guild_id = ?")) {
                Database.bind(ps, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
