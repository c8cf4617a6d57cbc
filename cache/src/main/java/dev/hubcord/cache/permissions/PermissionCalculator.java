package dev.hubcord.cache.permissions;

import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Overwrite;
import dev.hubcord.cache.model.Role;
import java.util.Arrays;
import java.util.Map;

/** Computes a member's effective permissions, guild-wide or in a channel. */
public final class PermissionCalculator {

    private PermissionCalculator() {
    }

    /** What the algorithm needs to know about the member. */
    public record Subject(long guildId, long ownerId, long userId, long[] roleIds, boolean timedOut) {
    }

    /** Guild-wide permissions. */
    public static long guild(Subject m, Map<Long, Role> roles) {
        long base = base(m, roles);
        if (base == Permission.ALL) {
            return base;
        }
        return m.timedOut() ? base & Permission.ALLOWED_IN_TIMEOUT : base;
    }

    /** Permissions in {@code channel}. */
    public static long channel(Subject m, Map<Long, Role> roles, Channel channel) {
        long perms = base(m, roles);
        if (perms == Permission.ALL) {
            return perms; // owner or administrator: overwrites and implicit rules do not apply
        }
        long roleAllow = 0;
        long roleDeny = 0;
        Overwrite everyone = null;
        Overwrite member = null;
        for (Overwrite o : channel.overwrites()) {
            if (o.type() == Overwrite.Type.MEMBER) {
                if (o.id() == m.userId()) {
                    member = o;
                }
            } else if (o.id() == m.guildId()) {
                everyone = o;
            } else if (Arrays.binarySearch(m.roleIds(), o.id()) >= 0) {
                roleAllow |= o.allow();
                roleDeny |= o.deny();
            }
        }
        if (everyone != null) {
            perms = (perms & ~everyone.deny()) | everyone.allow();
        }
        perms = (perms & ~roleDeny) | roleAllow;
        if (member != null) {
            perms = (perms & ~member.deny()) | member.allow();
        }
        if (m.timedOut()) {
            perms &= Permission.ALLOWED_IN_TIMEOUT;
        }
        if ((perms & Permission.VIEW_CHANNEL) == 0) {
            return 0;
        }
        if (channel.isText() && (perms & Permission.SEND_MESSAGES) == 0) {
            perms &= ~Permission.DEPENDS_ON_SEND_MESSAGES;
        }
        return perms;
    }

    private static long base(Subject m, Map<Long, Role> roles) {
        if (m.userId() == m.ownerId()) {
            return Permission.ALL;
        }
        Role everyone = roles.get(m.guildId());
        long perms = everyone == null ? 0 : everyone.permissions();
        for (long id : m.roleIds()) {
            Role r = roles.get(id);
            if (r != null) {
                perms |= r.permissions();
            }
        }
        return (perms & Permission.ADMINISTRATOR) != 0 ? Permission.ALL : perms;
    }
}
