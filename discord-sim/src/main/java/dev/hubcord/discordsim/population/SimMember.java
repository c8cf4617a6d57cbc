package dev.hubcord.discordsim.population;

import java.util.List;

/**
 * A guild member. {@code status} is the presence status ({@code online}, {@code idle}, {@code dnd} or
 * {@code offline}); {@code communicationDisabledUntil} is epoch millis of a timeout end, or 0 when not timed out.
 */
public record SimMember(
        long userId,
        String nick,
        List<Long> roles,
        long joinedAtMillis,
        long communicationDisabledUntil,
        boolean deaf,
        boolean mute,
        String status) {

    public SimMember {
        roles = List.copyOf(roles);
    }

    public SimMember withRoles(List<Long> newRoles) {
        return new SimMember(userId, nick, newRoles, joinedAtMillis, communicationDisabledUntil, deaf, mute, status);
    }

    public SimMember withNick(String newNick) {
        return new SimMember(userId, newNick, roles, joinedAtMillis, communicationDisabledUntil, deaf, mute, status);
    }

    public SimMember withTimeoutUntil(long untilMillis) {
        return new SimMember(userId, nick, roles, joinedAtMillis, untilMillis, deaf, mute, status);
    }

    public boolean online() {
        return !"offline".equals(status);
    }
}
