package dev.hubcord.discordsim.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Client payloads for tests. */
public final class Payloads {

    /** GUILDS | GUILD_MEMBERS | GUILD_MODERATION | GUILD_VOICE_STATES | GUILD_MESSAGES | MESSAGE_CONTENT. */
    public static final long INTENTS = 1 | 2 | 4 | 128 | 512 | 32768;

    private Payloads() {}

    public static ObjectNode identify(String token, long intents, int shard, int numShards) {
        ObjectNode p = TestGatewayClient.JSON.createObjectNode();
        p.put("op", 2);
        ObjectNode d = p.putObject("d");
        d.put("token", token);
        d.put("intents", intents);
        ObjectNode props = d.putObject("properties");
        props.put("os", "linux");
        props.put("browser", "hubcord-test");
        props.put("device", "hubcord-test");
        d.put("large_threshold", 50);
        d.putArray("shard").add(shard).add(numShards);
        return p;
    }

    public static ObjectNode resume(String token, String sessionId, int seq) {
        ObjectNode p = TestGatewayClient.JSON.createObjectNode();
        p.put("op", 6);
        ObjectNode d = p.putObject("d");
        d.put("token", token);
        d.put("session_id", sessionId);
        d.put("seq", seq);
        return p;
    }

    public static String heartbeat(Integer seq) {
        return "{\"op\":1,\"d\":" + seq + "}";
    }
}
