package dev.hubcord.cache.model;

/**
 * A guild member with its user embedded. {@code roles} is sorted and may be shared with other
 * members: never modify it. Timestamps are epoch microseconds or {@link Timestamps#NONE}.
 */
public record Member(long guildId, long userId, String nickname, long[] roles, long joinedAt, String avatar,
                     long communicationDisabledUntil, boolean pending, boolean deaf, boolean mute, User user) {

    /** Whether the member is in timeout at {@code nowMicros}. */
    public boolean timedOutAt(long nowMicros) {
        return communicationDisabledUntil != Timestamps.NONE && communicationDisabledUntil > nowMicros;
    }
}
