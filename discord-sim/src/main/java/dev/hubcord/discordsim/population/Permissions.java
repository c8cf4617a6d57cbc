package dev.hubcord.discordsim.population;

import java.util.Comparator;
import java.util.List;

/**
 * Discord's permission arithmetic: base permissions, channel overwrites in the documented order, the implicit rules,
 * the timeout rule, and role hierarchy. The REST side uses it to answer 403/50013 the way Discord would.
 */
public final class Permissions {

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
    public static final long MOVE_MEMBERS = 1L << 24;
    public static final long USE_VAD = 1L << 25;
    public static final long MANAGE_NICKNAMES = 1L << 27;
    public static final long MANAGE_ROLES = 1L << 28;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;
    public static final long MODERATE_MEMBERS = 1L << 40;

    /**
     * Every bit. Discord reports an administrator's permissions as all bits set; 2^53-1 assumes bits 51 and 52
     * (added after the last capture) are included (unverified).
     */
    public static final long ALL = (1L << 53) - 1;

    private Permissions() {}

    /** Guild-level permissions: owner and ADMINISTRATOR get {@link #ALL}. */
    public static long base(SimGuild.Snapshot guild, SimMember member) {
        if (member.userId() == guild.ownerId()) {
            return ALL;
        }
        long perms = guild.role(guild.id()).map(SimRole::permissions).orElse(0L);
        for (long roleId : member.roles()) {
            perms |= guild.role(roleId).map(SimRole::permissions).orElse(0L);
        }
        return (perms & ADMINISTRATOR) != 0 ? ALL : perms;
    }

    /** Effective permissions in one channel, at {@code nowMillis} (for the timeout rule). */
    public static long inChannel(SimGuild.Snapshot guild, SimMember member, SimChannel channel, long nowMillis) {
        long perms = base(guild, member);
        if (perms == ALL) {
            return ALL;
        }
        for (SimChannel.Overwrite o : channel.overwrites()) {
            if (o.type() == 0 && o.id() == guild.id()) {
                perms = (perms & ~o.deny()) | o.allow();
            }
        }
        long allow = 0;
        long deny = 0;
        for (SimChannel.Overwrite o : channel.overwrites()) {
            if (o.type() == 0 && o.id() != guild.id() && member.roles().contains(o.id())) {
                allow |= o.allow();
                deny |= o.deny();
            }
        }
        perms = (perms & ~deny) | allow;
        for (SimChannel.Overwrite o : channel.overwrites()) {
            if (o.type() == 1 && o.id() == member.userId()) {
                perms = (perms & ~o.deny()) | o.allow();
            }
        }
        return implicit(perms, channel, member, nowMillis);
    }

    private static long implicit(long perms, SimChannel channel, SimMember member, long nowMillis) {
        if ((perms & VIEW_CHANNEL) == 0) {
            return 0;
        }
        if (channel.type() == SimChannel.TEXT && (perms & SEND_MESSAGES) == 0) {
            perms &= ~(MENTION_EVERYONE | SEND_TTS_MESSAGES | ATTACH_FILES | EMBED_LINKS);
        }
        if (channel.isVoice() && (perms & CONNECT) == 0) {
            perms &= ~(SPEAK | USE_VAD | MOVE_MEMBERS | MANAGE_CHANNELS);
        }
        if (member.communicationDisabledUntil() > nowMillis) {
            perms &= VIEW_CHANNEL | READ_MESSAGE_HISTORY;
        }
        return perms;
    }

    /**
     * Whether {@code actor} outranks {@code target}: nobody acts on the owner, the owner acts on anyone, otherwise
     * the actor's highest role must be strictly above the target's.
     */
    public static boolean outranks(SimGuild.Snapshot guild, SimMember actor, SimMember target) {
        if (target.userId() == guild.ownerId()) {
            return false;
        }
        if (actor.userId() == guild.ownerId()) {
            return true;
        }
        return rank(guild, actor.roles()).compareTo(rank(guild, target.roles())) > 0;
    }

    /** Whether the actor's highest role is strictly above {@code role} (needed to grant or remove it). */
    public static boolean outranksRole(SimGuild.Snapshot guild, SimMember actor, SimRole role) {
        if (actor.userId() == guild.ownerId()) {
            return true;
        }
        return rank(guild, actor.roles()).compareTo(new Rank(role.position(), role.id())) > 0;
    }

    // Roles with equal position are ordered by id: the older (smaller) id counts as higher.
    private record Rank(int position, long id) implements Comparable<Rank> {
        @Override
        public int compareTo(Rank o) {
            return Comparator.comparingInt(Rank::position)
                    .thenComparing(Rank::id, Comparator.reverseOrder())
                    .compare(this, o);
        }
    }

    private static Rank rank(SimGuild.Snapshot guild, List<Long> roleIds) {
        Rank best = new Rank(0, guild.id());
        for (long roleId : roleIds) {
            SimRole role = guild.role(roleId).orElse(null);
            if (role != null) {
                Rank r = new Rank(role.position(), role.id());
                if (r.compareTo(best) > 0) {
                    best = r;
                }
            }
        }
        return best;
    }
}
