package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.hub.HubVoiceState;
import dev.hubcord.commands.store.MusicChannels;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Talking to the guild's audio worker through the hub. Every player event carries {@code guildID} (guild delivery)
 * and {@code textChannelID} (so track events can name the announce channel back); commands that need an answer go
 * as requests (with a nonce) and wait for the audio worker's {@code {ok, player | error}}.
 */
final class Music {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Music() {
    }

    static ObjectNode data(CommandContext ctx) {
        return data(ctx.guildId(), ctx.channelId());
    }

    static ObjectNode data(String guildId, String channelId) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("guildID", guildId);
        d.put("textChannelID", channelId);
        return d;
    }

    /** Sends a request and returns the audio worker's answer; a refusal or silence becomes a user message. */
    static JsonNode request(CommandContext ctx, String event, ObjectNode data) throws InterruptedException {
        return request(ctx.hubClient(), event, data);
    }

    /** {@link #request(CommandContext, String, ObjectNode)} for callers without a command (buttons). */
    static JsonNode request(HubClient hub, String event, ObjectNode data) throws InterruptedException {
        JsonNode answer;
        try {
            answer = hub.request(event, data, TIMEOUT).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new CommandException("The music service is not answering; try again in a moment.");
            }
            throw new CommandException("The music service could not be reached.", e.getCause());
        }
        if (answer.has("ok") && !answer.path("ok").asBoolean()) {
            throw new CommandException("The music service refused: " + answer.path("error").asText("unknown error"));
        }
        return answer;
    }

    /** The invoker's voice channel, from the hub's cache. */
    static String invokerVoiceChannel(CommandContext ctx) {
        return ctx.hub().voiceState(ctx.guildId(), ctx.authorId()).map(HubVoiceState::channelId)
                .orElseThrow(() -> new CommandException("Join a voice channel first."));
    }

    /** Remembers where to announce this guild's tracks (the fallback when a track event carries no channel). */
    static void rememberChannel(CommandContext ctx) {
        ctx.service(MusicChannels.class).ifPresent(m -> m.put(ctx.guildId(), ctx.channelId()));
    }

    /** The player snapshot of a PLAYER_* answer, or a user message when nothing plays. */
    static JsonNode player(JsonNode answer) {
        JsonNode p = answer.path("player");
        if (!p.isObject()) {
            throw new CommandException("Nothing is playing.");
        }
        return p;
    }
}
