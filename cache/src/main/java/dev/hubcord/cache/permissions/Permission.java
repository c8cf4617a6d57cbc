package dev.hubcord.cache.permissions;

/** Permission bits the algorithm refers to, as in Discord's documentation. */
public final class Permission {

    public static final long CREATE_INSTANT_INVITE = 1L;
    public static final long KICK_MEMBERS = 1L << 1;
    public static final long BAN_MEMBERS = 1L << 2;
    public static final long ADMINISTRATOR = 1L << 3;
    public static final long MANAGE_CHANNELS = 1L << 4;
    public static final long ADD_REACTIONS = 1L << 6;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long SEND_TTS_MESSAGES = 1L << 12;
    public static final long MANAGE_MESSAGES = 1L << 13;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long MENTION_EVERYONE = 1L << 17;
    public static final long CONNECT = 1L << 20;
    public static final long SPEAK = 1L << 21;

    /**
     * Every bit, as Discord reports for owners and administrators: it reports all bits up to the
     * highest defined one (BYPASS_SLOWMODE, bit 52), so 2^53 - 1.
     */
    public static final long ALL = (1L << 53) - 1;

    /** What a text channel loses without SEND_MESSAGES. */
    public static final long DEPENDS_ON_SEND_MESSAGES = MENTION_EVERYONE | SEND_TTS_MESSAGES | ATTACH_FILES | EMBED_LINKS;

    /** What a member in timeout keeps. */
    public static final long ALLOWED_IN_TIMEOUT = VIEW_CHANNEL | READ_MESSAGE_HISTORY;

    private Permission() {
    }
}
