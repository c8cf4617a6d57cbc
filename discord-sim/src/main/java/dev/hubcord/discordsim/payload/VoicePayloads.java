package dev.hubcord.discordsim.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.SimVoiceState;

/** VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE payloads. */
public final class VoicePayloads {

    private VoicePayloads() {}

    /**
     * A voice state. {@code guildId} 0 omits {@code guild_id} (inside GUILD_CREATE); {@code member} is added when
     * given (VOICE_STATE_UPDATE dispatches carry it).
     */
    public static ObjectNode state(SimVoiceState v, long guildId, ObjectNode member) {
        ObjectNode s = Json.obj();
        if (member != null) {
            s.set("member", member);
        }
        s.put("user_id", Json.id(v.userId()));
        s.put("suppress", false);
        s.put("session_id", v.sessionId());
        s.put("self_video", v.selfVideo());
        s.put("self_stream", false); // simulated users never go live
        s.put("self_mute", v.selfMute());
        s.put("self_deaf", v.selfDeaf());
        s.putNull("request_to_speak_timestamp");
        s.put("mute", false);
        if (guildId != 0) {
            s.put("guild_id", Json.id(guildId));
        }
        s.put("deaf", false);
        if (v.channelId() != 0) {
            s.put("channel_id", Json.id(v.channelId()));
        } else {
            s.putNull("channel_id");
        }
        return s;
    }

    /** VOICE_SERVER_UPDATE; {@code endpoint} null means the voice server is being reallocated. */
    public static ObjectNode server(String token, long guildId, String endpoint) {
        ObjectNode s = Json.obj();
        s.put("token", token);
        s.put("guild_id", Json.id(guildId));
        s.put("endpoint", endpoint);
        return s;
    }
}
