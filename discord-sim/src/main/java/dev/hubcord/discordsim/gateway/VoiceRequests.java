package dev.hubcord.discordsim.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.VoicePayloads;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimVoiceState;

/**
 * Op 4 Voice State Update for the bot. Joining or moving yields VOICE_STATE_UPDATE (to the guild's sessions, gated
 * by GUILD_VOICE_STATES) and VOICE_SERVER_UPDATE (to the requesting session) in a configurable order; leaving yields
 * only VOICE_STATE_UPDATE with {@code channel_id:null}; a full channel without MOVE_MEMBERS, or no CONNECT, yields
 * nothing at all. A join also tells {@link VoiceEndpoints} the bot's channel, and its answer is the endpoint.
 */
final class VoiceRequests {

    private final Gateway gw;

    VoiceRequests(Gateway gateway) {
        this.gw = gateway;
    }

    void handle(GatewayConnection c, JsonNode d) {
        Session session = c.session();
        long guildId = Json.snowflake(d.path("guild_id"));
        JsonNode channelNode = d.path("channel_id");
        long channelId = channelNode.isMissingNode() || channelNode.isNull() ? 0 : Json.snowflake(channelNode);
        if (guildId < 0 || channelId < 0) {
            c.close(gw.config.invalidPayloadCloseCode());
            return;
        }
        if (!session.routes(guildId)) {
            if (gw.config.wrongShardCloseCode() != 0) {
                c.close(gw.config.wrongShardCloseCode());
            }
            return;
        }
        SimGuild guild = gw.population.guild(guildId).orElse(null);
        long botId = gw.population.bot().id();
        SimMember bot = guild == null ? null : guild.member(botId).orElse(null);
        if (bot == null) {
            return;
        }
        ObjectNode member = GuildPayloads.member(bot, gw.population);
        if (channelId == 0) {
            guild.removeVoiceState(botId);
            SimVoiceState left = new SimVoiceState(botId, 0, session.id(), false, false, false);
            gw.dispatchToGuild(guildId, "VOICE_STATE_UPDATE", VoicePayloads.state(left, guildId, member));
            return;
        }
        SimChannel channel = guild.channel(channelId).orElse(null);
        if (channel == null || !channel.isVoice()) {
            return;
        }
        long perms = Permissions.inChannel(guild.snapshot(), bot, channel, System.currentTimeMillis());
        boolean alreadyThere = guild.voiceState(botId).map(v -> v.channelId() == channelId).orElse(false);
        boolean full = channel.userLimit() > 0 && guild.voiceCount(channelId) >= channel.userLimit() && !alreadyThere;
        if ((perms & Permissions.CONNECT) == 0 || (full && (perms & Permissions.MOVE_MEMBERS) == 0)) {
            return; // Discord answers neither event
        }
        // The voice session id is assumed to equal the gateway session id (unverified).
        SimVoiceState state = new SimVoiceState(botId, channelId, session.id(), d.path("self_mute").asBoolean(false),
                d.path("self_deaf").asBoolean(false), false);
        guild.putVoiceState(state);
        ObjectNode stateData = VoicePayloads.state(state, guildId, member);
        String endpoint = gw.voiceEndpoints.join(guildId, channelId); // the voice server learns the bot's channel
        String token = gw.randomHex(8); // a new token on every join or move
        boolean stateFirst = switch (gw.config.voiceReplyOrder()) {
            case STATE_FIRST -> true;
            case SERVER_FIRST -> false;
            case RANDOM -> gw.coinFlip();
        };
        if (stateFirst) {
            gw.dispatchToGuild(guildId, "VOICE_STATE_UPDATE", stateData);
        }
        if (gw.config.voiceNullEndpointFirst()) {
            gw.dispatcher.toSession(session, "VOICE_SERVER_UPDATE", VoicePayloads.server(token, guildId, null));
        }
        gw.dispatcher.toSession(session, "VOICE_SERVER_UPDATE",
                VoicePayloads.server(token, guildId, endpoint));
        if (!stateFirst) {
            gw.dispatchToGuild(guildId, "VOICE_STATE_UPDATE", stateData);
        }
    }
}
