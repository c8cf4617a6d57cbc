package dev.hubcord.commands.config;

import dev.hubcord.protocol.Compression;
import dev.hubcord.service.settings.Layer;
import dev.hubcord.service.settings.SettingException;
import dev.hubcord.service.settings.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The worker's resolved settings.
 *
 * @param hubRestUrl the hub's REST base, {@code http://host:port}
 * @param botUserId the bot's user ID, or {@code null} to learn it from the hub
 * @param register whether application commands are synchronised with Discord at start-up
 * @param registrationGuilds where guild-scoped commands are registered
 * @param pluginsDir a directory of command jars, or null
 * @param httpPort the /health, /ready and /metrics port: -1 = off, 0 = any free one
 */
public record WorkerConfig(
        String discordToken,
        URI discordApiBase,
        URI hubUrl,
        String hubSecret,
        URI hubRestUrl,
        String name,
        Compression compression,
        Path database,
        Duration journalTtl,
        Duration banPollInterval,
        Duration deferAfter,
        int maxInFlight,
        String botUserId,
        Duration restTimeout,
        int restRetries,
        int globalLimit,
        int invalidRequestCap,
        boolean register,
        List<String> registrationGuilds,
        Path pluginsDir,
        int httpPort,
        String httpHost) {

    public WorkerConfig {
        registrationGuilds = List.copyOf(registrationGuilds);
    }

    /**
     * Resolves the layers, later ones winning: file, environment, flags (keys are {@link Setting} names).
     *
     * @throws ConfigException for a missing required value or a malformed one
     */
    public static WorkerConfig resolve(Map<String, String> file, Map<String, String> env, Map<String, String> flags) {
        Settings<Setting> settings;
        try {
            settings = Settings.resolve(Setting.class, List.of(new Layer("--config", file), new Layer("environment", env),
                    new Layer("flags", flags)));
        } catch (SettingException e) {
            throw new ConfigException(e.getMessage());
        }
        return from(settings);
    }

    /**
     * The config of validated settings.
     *
     * @throws ConfigException when the bot ID or a registration guild is not a snowflake
     */
    public static WorkerConfig from(Settings<Setting> s) {
        URI hubUrl = s.uri(Setting.HUB_URL);
        URI hubRest = s.has(Setting.HUB_REST_URL) ? s.uri(Setting.HUB_REST_URL) : restBaseOf(hubUrl);
        String botId = s.text(Setting.COMMANDS_BOT_USER_ID);
        if (!botId.isEmpty() && !botId.matches("\\d{1,20}")) {
            throw new ConfigException("invalid COMMANDS_BOT_USER_ID='" + botId + "': allowed a snowflake (digits)");
        }
        for (String id : s.items(Setting.COMMANDS_REGISTRATION_GUILDS)) {
            if (!id.matches("\\d{1,20}")) {
                throw new ConfigException("invalid COMMANDS_REGISTRATION_GUILDS item '" + id + "': allowed guild IDs");
            }
        }
        return new WorkerConfig(s.text(Setting.DISCORD_TOKEN), s.uri(Setting.DISCORD_API_BASE), hubUrl,
                s.text(Setting.HUB_SECRET), hubRest, s.text(Setting.COMMANDS_NAME),
                Compression.valueOf(s.text(Setting.COMMANDS_COMPRESS).toUpperCase(Locale.ROOT)),
                s.path(Setting.COMMANDS_DB),
                Duration.ofHours(s.whole(Setting.COMMANDS_JOURNAL_TTL_HOURS)),
                Duration.ofMillis(s.whole(Setting.COMMANDS_BAN_POLL_MS)),
                Duration.ofMillis(s.whole(Setting.COMMANDS_DEFER_AFTER_MS)),
                s.integer(Setting.COMMANDS_MAX_IN_FLIGHT),
                botId.isEmpty() ? null : botId,
                Duration.ofMillis(s.whole(Setting.REST_TIMEOUT_MS)),
                s.integer(Setting.REST_RETRIES),
                s.integer(Setting.REST_GLOBAL_LIMIT),
                s.integer(Setting.REST_INVALID_CAP),
                s.bool(Setting.COMMANDS_REGISTER), s.items(Setting.COMMANDS_REGISTRATION_GUILDS),
                s.path(Setting.COMMANDS_PLUGINS_DIR),
                s.integer(Setting.COMMANDS_HTTP_PORT), s.text(Setting.COMMANDS_HTTP_HOST));
    }

    /** {@code ws://host:port/ws/v1} becomes {@code http://host:port} ({@code wss} becomes {@code https}). */
    public static URI restBaseOf(URI ws) {
        String scheme = "wss".equalsIgnoreCase(ws.getScheme()) ? "https" : "http";
        int port = ws.getPort();
        return URI.create(scheme + "://" + ws.getHost() + (port < 0 ? "" : ":" + port));
    }

    @Override
    public String toString() {
        return "WorkerConfig[discordApiBase=" + discordApiBase + ", hubUrl=" + hubUrl + ", hubRestUrl=" + hubRestUrl
                + ", name=" + name + ", compression=" + compression + ", database=" + database + ", token=<hidden>, "
                + "secret=<hidden>]";
    }
}
