package dev.hubcord.cache.ingest;

import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Role;
import dev.hubcord.cache.model.VoiceState;
import java.util.List;

/** One validated op 5 payload: an upsert or a removal of one entity. */
public sealed interface CachePayload {

    record MemberUpsert(MemberDraft member) implements CachePayload { }

    record MemberDelete(long guildId, long userId) implements CachePayload { }

    record UserUpsert(UserDraft user) implements CachePayload { }

    record UserDelete(long userId) implements CachePayload { }

    record RoleUpsert(Role role) implements CachePayload { }

    record RoleDelete(long guildId, long roleId) implements CachePayload { }

    record ChannelUpsert(Channel channel) implements CachePayload { }

    record ChannelDelete(long guildId, long channelId) implements CachePayload { }

    /** A voice state; a null {@code channelID} arrives as {@link VoiceDelete}. */
    record VoiceUpsert(VoiceState state) implements CachePayload { }

    record VoiceDelete(long guildId, long userId) implements CachePayload { }

    /**
     * A guild. Null lists were absent from the payload and leave the cached set alone; a present
     * {@code roles}, {@code channels} or {@code voiceStates} list replaces the set; members upsert.
     */
    record GuildUpsert(GuildDraft guild, List<Role> roles, List<Channel> channels, List<MemberDraft> members,
                       List<VoiceState> voiceStates) implements CachePayload { }

    record GuildDelete(long guildId) implements CachePayload { }
}
