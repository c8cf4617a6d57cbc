package dev.hubcord.hub.rest.discord;

import dev.hubcord.cache.DiscordCache;
import dev.hubcord.cache.json.CacheJsonWriter;
import dev.hubcord.cache.model.User;
import dev.hubcord.cache.model.VoiceState;
import dev.hubcord.hub.rest.RestResponse;
import java.util.List;
import java.util.Optional;

/** Voice states (per guild, per channel, per user) and users (count, one user). */
final class VoiceAndUserResource {

    private final DiscordCache cache;

    VoiceAndUserResource(DiscordCache cache) {
        this.cache = cache;
    }

    RestResponse voiceStates(long guildId) {
        Optional<List<VoiceState>> states = cache.voiceStates(guildId);
        return states.isPresent() ? JsonBody.okArray(CacheJsonWriter::voiceState, states.get()) : Missing.guild(guildId);
    }

    /** {@code .../channels/{channel}/members}: the voice states in a voice channel; [] for other channels. */
    RestResponse voiceStatesIn(long guildId, long channelId) {
        Optional<List<VoiceState>> states = cache.voiceStatesIn(guildId, channelId);
        return states.isPresent() ? JsonBody.okArray(CacheJsonWriter::voiceState, states.get())
                : Missing.in(cache, guildId, "channel", channelId);
    }

    RestResponse voiceState(long guildId, long userId) {
        Optional<VoiceState> state = cache.voiceState(guildId, userId);
        return state.isPresent() ? JsonBody.ok(CacheJsonWriter::voiceState, state.get())
                : Missing.in(cache, guildId, "voice state of user", userId);
    }

    RestResponse deleteVoiceState(long guildId, long userId) {
        return cache.deleteVoiceState(guildId, userId) ? RestResponse.noContent()
                : Missing.in(cache, guildId, "voice state of user", userId);
    }

    RestResponse userCount() {
        return JsonBody.ok(CacheJsonWriter::userCount, cache.userCount());
    }

    RestResponse user(long userId) {
        Optional<User> user = cache.user(userId);
        return user.isPresent() ? JsonBody.ok(CacheJsonWriter::user, user.get()) : Missing.user(userId);
    }
}
