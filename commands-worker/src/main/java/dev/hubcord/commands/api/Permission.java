package dev.hubcord.commands.api;

import java.util.EnumSet;
import java.util.Set;

/** Discord's permission bits that commands commonly need, with the names Discord's client shows. */
public enum Permission {
    CREATE_INSTANT_INVITE(0, "Create Invite"),
    KICK_MEMBERS(1, "Kick Members"),
    BAN_MEMBERS(2, "Ban Members"),
    ADMINISTRATOR(3, "Administrator"),
    MANAGE_CHANNELS(4, "Manage Channels"),
    MANAGE_GUILD(5, "Manage Server"),
    ADD_REACTIONS(6, "Add Reactions"),
    VIEW_AUDIT_LOG(7, "View Audit Log"),
    VIEW_CHANNEL(10, "View Channel"),
    SEND_MESSAGES(11, "Send Messages"),
    MANAGE_MESSAGES(13, "Manage Messages"),
    EMBED_LINKS(14, "Embed Links"),
    ATTACH_FILES(15, "Attach Files"),
    READ_MESSAGE_HISTORY(16, "Read Message History"),
    MENTION_EVERYONE(17, "Mention Everyone"),
    CONNECT(20, "Connect"),
    SPEAK(21, "Speak"),
    MUTE_MEMBERS(22, "Mute Members"),
    DEAFEN_MEMBERS(23, "Deafen Members"),
    MOVE_MEMBERS(24, "Move Members"),
    MANAGE_NICKNAMES(27, "Manage Nicknames"),
    MANAGE_ROLES(28, "Manage Roles"),
    MODERATE_MEMBERS(40, "Timeout Members");

    private final long bit;
    private final String displayName;

    Permission(int bit, String displayName) {
        this.bit = 1L << bit;
        this.displayName = displayName;
    }

    public long bit() {
        return bit;
    }

    public String displayName() {
        return displayName;
    }

    /** The permissions of {@code required} missing from {@code granted} (an administrator has them all). */
    public static Set<Permission> missing(Set<Permission> required, long granted) {
        Set<Permission> missing = EnumSet.noneOf(Permission.class);
        if ((granted & ADMINISTRATOR.bit) != 0) {
            return missing;
        }
        for (Permission p : required) {
            if ((granted & p.bit) == 0) {
                missing.add(p);
            }
        }
        return missing;
    }
}
