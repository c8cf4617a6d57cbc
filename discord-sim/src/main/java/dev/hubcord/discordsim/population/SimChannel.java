package dev.hubcord.discordsim.population;

import java.util.List;

/**
 * A guild channel: text (0), voice (2) or category (4), with permission overwrites, a parent category and, for voice,
 * a user limit (0 = unlimited).
 */
public record SimChannel(
        long id,
        int type,
        String name,
        int position,
        long parentId,
        List<Overwrite> overwrites,
        int userLimit,
        int bitrate,
        String topic) {

    public static final int TEXT = 0;
    public static final int VOICE = 2;
    public static final int CATEGORY = 4;

    public SimChannel {
        overwrites = List.copyOf(overwrites);
    }

    /** A permission overwrite: type 0 = role, 1 = member. */
    public record Overwrite(long id, int type, long allow, long deny) {}

    public SimChannel withName(String newName) {
        return new SimChannel(id, type, newName, position, parentId, overwrites, userLimit, bitrate, topic);
    }

    public SimChannel withOverwrites(List<Overwrite> newOverwrites) {
        return new SimChannel(id, type, name, position, parentId, newOverwrites, userLimit, bitrate, topic);
    }

    public boolean isVoice() {
        return type == VOICE;
    }
}
