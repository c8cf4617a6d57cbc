package dev.hubcord.cache.ingest;

/**
 * A member as sent. {@code roles} is null when absent, otherwise sorted and free of duplicates.
 * Timestamps are epoch microseconds; nullable fields carry a {@code has*} flag so that an explicit
 * null clears them; a null {@code pending}, {@code deaf} or {@code mute} was absent.
 */
public record MemberDraft(long guildId, long userId, String nickname, boolean hasNickname, long[] roles,
                          long joinedAt, boolean hasJoinedAt, String avatar, boolean hasAvatar,
                          long communicationDisabledUntil, boolean hasCommunicationDisabledUntil,
                          Boolean pending, Boolean deaf, Boolean mute, UserDraft user) {
}
