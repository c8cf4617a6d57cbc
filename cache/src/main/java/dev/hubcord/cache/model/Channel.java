package dev.hubcord.cache.model;

import java.util.List;

/**
 * A guild channel. {@code type} is Discord's channel type (0 text, 2 voice, 4 category, 5
 * announcement, 13 stage, 15 forum...). {@code parentId} and {@code userLimit} are 0 when absent.
 */
public record Channel(long id, long guildId, int type, int position, String name, boolean nsfw,
                      List<Overwrite> overwrites, int userLimit, long parentId) {

    public static final int TEXT = 0;
    public static final int VOICE = 2;
    public static final int CATEGORY = 4;
    public static final int ANNOUNCEMENT = 5;
    public static final int STAGE = 13;

    public Channel {
        overwrites = List.copyOf(overwrites);
    }

    /** Channels where SEND_MESSAGES gates the other text permissions. */
    public boolean isText() {
        return type == TEXT || type == ANNOUNCEMENT;
    }

    /** Voice-like channels, whose voice states the REST API lists. */
    public boolean isVoice() {
        return type == VOICE || type == STAGE;
    }
}
