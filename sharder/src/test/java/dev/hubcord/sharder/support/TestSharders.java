package dev.hubcord.sharder.support;

import dev.hubcord.discordsim.DiscordSim;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The settings a sharder needs to run against a simulator and a hub, with fast test timings. */
public final class TestSharders {

    private TestSharders() {}

    public static Map<String, String> settings(DiscordSim sim, Hub hub, Map<String, String> extra) {
        return settings(sim, hub.wsUri(), extra);
    }

    /** The same for a hub at {@code hubUrl} with {@link Hub#SECRET}, e.g. a {@link HubProcess}. */
    public static Map<String, String> settings(DiscordSim sim, URI hubUrl, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>();
        s.put("DISCORD_TOKEN", sim.token());
        s.put("DISCORD_API_BASE", sim.apiBaseUrl());
        s.put("HUB_URL", hubUrl.toString());
        s.put("HUB_SECRET", Hub.SECRET);
        s.put("SHARDER_IO_THREADS", "2");
        s.put("SHARDER_INVALID_SESSION_DELAY_MS", "200");
        s.put("SHARDER_READY_TIMEOUT_MS", "3000");
        s.put("SHARDER_STATUS_INTERVAL_MS", "1000");
        s.put("SHARDER_HUB_RECONNECT_MAX_MS", "1000");
        // GUILDS | GUILD_MEMBERS | GUILD_VOICE_STATES | GUILD_MESSAGES | MESSAGE_CONTENT
        s.put("DISCORD_INTENTS", Integer.toString(1 | 2 | 128 | 512 | 32768));
        s.putAll(extra);
        return s;
    }
}
