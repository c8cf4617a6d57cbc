package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.gateway.GatewayControl;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.rest.Rest;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import dev.hubcord.discordsim.rest.SentMessage;
import dev.hubcord.discordsim.rest.SentMessages;
import dev.hubcord.discordsim.voice.VoiceServer;
import java.util.List;

/**
 * The control API for tests, in Java; {@link ControlRoutes} offers the same over HTTP under {@code /_sim/}. Inject
 * raw dispatches, trigger population events, steer gateway connections, and read what clients did.
 */
public final class SimControl {

    private final Gateway gateway;
    private final Rest rest;
    private final SimEvents events;
    private final VoiceControl voice;

    public SimControl(Population population, Gateway gateway, Rest rest, VoiceServer voiceServer) {
        this.gateway = gateway;
        this.rest = rest;
        this.events = new SimEvents(population, gateway, rest.context(), rest.commands());
        this.voice = new VoiceControl(voiceServer, population);
    }

    /**
     * A user doing every kind of interaction: chat-input commands with resolved options, context menus,
     * autocomplete, component clicks and modal submits.
     */
    public InteractionEvents interactions() {
        return events.interactions();
    }

    /** An interaction's state and what the bot answered (callback type, response, choices, modal); empty if unknown. */
    public java.util.Optional<dev.hubcord.discordsim.rest.Interactions.State> interaction(long id) {
        return rest.interactions().byId(id);
    }

    /** Connection-level controls and gateway records (close, drop, op 7, op 9, op 1, received payloads, IDENTIFYs). */
    public GatewayControl gateway() {
        return gateway.control();
    }

    /** The embedded voice server: per-guild state, frames that arrived, simulated listeners. */
    public VoiceControl voice() {
        return voice;
    }

    /** Population events (messages, interactions, members, roles, channels, guilds) with their dispatches. */
    public SimEvents events() {
        return events;
    }

    /**
     * Injects any dispatch into the sessions of the guild's shard (intents and MESSAGE_CONTENT still apply); returns
     * how many sessions received it.
     */
    public int dispatchToGuild(long guildId, String type, JsonNode data) {
        return gateway.dispatchToGuild(guildId, type, data);
    }

    /** Injects any dispatch into every session with this shard id. */
    public int dispatchToShard(int shardId, String type, JsonNode data) {
        return gateway.dispatchToShard(shardId, type, data);
    }

    /** Injects a dispatch that has no guild (DMs, USER_UPDATE …): shard 0 only, as Discord routes them. */
    public int dispatchWithoutGuild(String type, JsonNode data) {
        return gateway.dispatchWithoutGuild(type, data);
    }

    /** Every REST request so far, with the status it got. */
    public List<RestExchange.Recorded> restRequests() {
        return rest.requests();
    }

    /** Sets Cloudflare's ban: {@code limit} invalid responses within {@code windowMs} ban the IP for {@code banMs}. */
    public void setInvalidRequestBan(int limit, long windowMs, long banMs) {
        rest.invalidRequestBan(limit, windowMs, banMs);
    }

    public void clearRestRequests() {
        rest.clearRequests();
    }

    /** 401, 403 and non-shared 429 responses so far (Discord bans IPs at 10,000 per 10 minutes). */
    public int invalidRestRequests() {
        return rest.invalidRequestCount();
    }

    /**
     * Every message created so far (user messages, bot messages, interaction responses, follow-ups), oldest first,
     * with edits and deletions; at most {@link SentMessages#MAX_MESSAGES}.
     */
    public List<SentMessage> messages() {
        return rest.context().messages().all();
    }

    public void clearMessages() {
        rest.context().messages().clear();
    }

    /**
     * Answers the next {@code count} requests of a rate-limit bucket ({@code messages}, {@code webhooks},
     * {@code interaction_callback}, {@code bans}, ...) {@code delayMs} late; they take effect at once, so a client
     * with a shorter timeout sees an unknown outcome. A count of 0 clears it.
     */
    public void delayRest(String bucket, long delayMs, int count) {
        rest.delay(bucket, 0, delayMs, count);
    }

    /** Like {@link #delayRest(String, long, int)}, for requests in one channel or guild only. */
    public void delayRest(String bucket, long channelOrGuildId, long delayMs, int count) {
        rest.delay(bucket, channelOrGuildId, delayMs, count);
    }

    public RestConfig restConfig() {
        return rest.config();
    }

    /** Replaces REST limits at runtime (e.g. a tiny global limit to provoke a global 429); windows restart. */
    public void setRestConfig(RestConfig config) {
        rest.reconfigure(config);
    }
}
