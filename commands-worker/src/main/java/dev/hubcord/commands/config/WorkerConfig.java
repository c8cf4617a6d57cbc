package dev.hubcord.commands.config;

import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.settings.SettingLayers;
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
        Path pluginsDir) {

    public WorkerConfig {
        registrationGuilds = List.copyOf(registrationGuilds);
    }

    /**
     * Resolves the layers, later ones winning: file, environment, flags (keys are {@link Setting} names).
     *
     * @throws ConfigException for a missing required value or a malformed one
     */
    public static WorkerConfig resolve(Map<String, String> file, Map<String, String> env, Map<String, String> flags) {
        SettingLayers<Setting> layers = SettingLayers.resolve(Setting.class, Setting::defaultValue,
                ConfigException::new, List.of(file, env, flags));
        Map<Setting, String> v = layers.values();
        String token = required(v, Setting.DISCORD_TOKEN);
        String secret = required(v, Setting.HUB_SECRET);
        URI hubUrl = uri(v, Setting.HUB_URL, "ws");
        URI hubRest = v.get(Setting.HUB_REST_URL).isEmpty() ? restBaseOf(hubUrl) : uri(v, Setting.HUB_REST_URL, "http");
        String botId = v.get(Setting.COMMANDS_BOT_USER_ID);
        if (!botId.isEmpty() && !botId.matches("\\d{1,20}")) {
            throw new ConfigException("COMMANDS_BOT_USER_ID must be a snowflake, got '" + botId + "'");
        }
        return new WorkerConfig(token, uri(v, Setting.DISCORD_API_BASE, "http"), hubUrl, secret, hubRest,
                v.get(Setting.COMMANDS_NAME), compression(v.get(Setting.COMMANDS_COMPRESS)),
                Path.of(v.get(Setting.COMMANDS_DB)),
                Duration.ofHours(layers.integer(Setting.COMMANDS_JOURNAL_TTL_HOURS, 1, 24 * 365)),
                Duration.ofMillis(layers.integer(Setting.COMMANDS_BAN_POLL_MS, 10, 3_600_000)),
                Duration.ofMillis(layers.integer(Setting.COMMANDS_DEFER_AFTER_MS, 0, 2_900)),
                layers.integer(Setting.COMMANDS_MAX_IN_FLIGHT, 1, 100_000),
                botId.isEmpty() ? null : botId,
                Duration.ofMillis(layers.integer(Setting.REST_TIMEOUT_MS, 100, 600_000)),
                layers.integer(Setting.REST_RETRIES, 0, 10),
                layers.integer(Setting.REST_GLOBAL_LIMIT, 1, 10_000),
                layers.integer(Setting.REST_INVALID_CAP, 1, 10_000),
                bool(v, Setting.COMMANDS_REGISTER), guilds(v.get(Setting.COMMANDS_REGISTRATION_GUILDS)),
                v.get(Setting.COMMANDS_PLUGINS_DIR).isEmpty() ? null : Path.of(v.get(Setting.COMMANDS_PLUGINS_DIR)));
    }

    private static boolean bool(Map<Setting, String> v, Setting s) {
        return switch (v.get(s).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(s.name() + " must be true or false, got '" + v.get(s) + "'");
        };
    }

    private static List<String> guilds(String text) {
        List<String> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!id.matches("\\d{1,20}")) {
                throw new ConfigException("COMMANDS_REGISTRATION_GUILDS must be guild IDs, got '" + id + "'");
            }
            out.add(id);
        }
        return out;
    }

    /** {@code ws://host:port/ws/v1} becomes {@code http://host:port} ({@code wss} becomes {@code https}). */
    public static URI restBaseOf(URI ws) {
        String scheme = "wss".equalsIgnoreCase(ws.getScheme()) ? "https" : "http";
        int port = ws.getPort();
        return URI.create(scheme + "://" + ws.getHost() + (port < 0 ? "" : ":" + port));
    }

    private static String required(Map<Setting, String> v, Setting s) {
        String value = v.get(s);
        if (value.isEmpty()) {
            throw new ConfigException(s.name() + " is required (" + s.description() + ")");
        }
        return value;
    }

    private static URI uri(Map<Setting, String> v, Setting s, String schemePrefix) {
        String text = v.get(s);
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith(schemePrefix)
                    || uri.getHost() == null) {
                throw new ConfigException(s.name() + " must be a " + schemePrefix + "(s):// URL, got '" + text + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.name() + " is not a URL: '" + text + "'");
        }
    }

    private static Compression compression(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "none", "false" -> Compression.NONE;
            case "zstd", "true" -> Compression.ZSTD;
            case "zlib" -> Compression.ZLIB;
            default -> throw new ConfigException("COMMANDS_COMPRESS must be none, zstd or zlib, got '" + text + "'");
        };
    }

    @Override
    public String toString() {
        return "WorkerConfig[discordApiBase=" + discordApiBase + ", hubUrl=" + hubUrl + ", hubRestUrl=" + hubRestUrl
                + ", name=" + name + ", compression=" + compression + ", database=" + database + ", token=<hidden>, "
                + "secret=<hidden>]";
    }
}
