package dev.hubcord.systemtests.harness;

import java.util.Map;

/**
 * What a {@link Deployment} runs: how many of each service, how many shards and guilds, and the settings each
 * service gets besides the ones that wire it to the others.
 */
public record Topology(
        int sharders,
        int commandsWorkers,
        int audioWorkers,
        int shards,
        int guilds,
        int largeGuildMembers,
        Map<String, String> hubSettings,
        Map<String, String> sharderSettings,
        Map<String, String> commandsSettings,
        Map<String, String> audioSettings) {

    /**
     * The system: two of each worker, two shards per sharder, a few guilds of which the first (and every
     * third) has several thousand members. A dropped session ends after 5 s, so a killed worker's events move on
     * within the scenarios' bounds. The sharders forward GUILD_MEMBER_ADD for the example bot's welcome listener.
     */
    public static Topology standard() {
        return new Topology(2, 2, 2, 4, 7, 3_000,
                Map.of("HUB_RESUME_TIMEOUT_MS", "5000", "HUB_IDENTIFY_INTERVAL_MS", "5500"),
                Map.of("SHARDER_READY_TIMEOUT_MS", "3000", "SHARDER_DISPATCH_EVENTS", "GUILD_MEMBER_ADD"),
                Map.of(),
                Map.of("AUDIO_PLAYER_UPDATE_MS", "1000"));
    }
}
