package dev.hubcord.sharder.config;

import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.settings.SettingLayers;
import dev.hubcord.sharder.SharderException;
import dev.hubcord.sharder.gateway.MemberRequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sharder's resolved settings ({@link Setting} says what each means).
 *
 * @param dispatchEvents Discord dispatch names forwarded raw as {@code DISPATCH}; the sharder cannot see
 *     which names the hub's clients subscribed to, so the operator lists them here
 * @param httpPort -1 when the /health and /metrics port is off
 */
public record SharderConfig(
        String token,
        URI apiBase,
        int intents,
        GatewayCompression compression,
        int largeThreshold,
        URI hubUrl,
        String hubSecret,
        Compression hubCompression,
        String prefix,
        String name,
        List<String> dispatchEvents,
        int statusIntervalMs,
        int hubBuffer,
        int hubRateLimit,
        int hubReconnectMaxMs,
        int ioThreads,
        int readyTimeoutMs,
        int invalidSessionDelayMs,
        int sendQueue,
        MemberRequestOptions memberRequests,
        int httpPort,
        String httpHost) {

    public SharderConfig {
        dispatchEvents = List.copyOf(dispatchEvents);
    }

    /**
     * Resolves the settings from the layers, later ones winning: file, environment, flags. Keys are
     * {@link Setting} names; unknown keys are ignored (the environment holds plenty of them).
     *
     * @throws SharderException {@code CONFIG} when a value is missing, malformed or out of range
     */
    public static SharderConfig resolve(Map<String, String> file, Map<String, String> env, Map<String, String> flags) {
        SettingLayers<Setting> layers = SettingLayers.resolve(Setting.class, Setting::defaultValue,
                SharderConfig::invalid, List.of(file, env, flags));
        Map<Setting, String> v = layers.values();
        String token = v.get(Setting.DISCORD_TOKEN);
        if (token.isEmpty()) {
            throw invalid("DISCORD_TOKEN is required");
        }
        if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
            token = token.substring(4).trim();
        }
        String secret = v.get(Setting.HUB_SECRET);
        if (secret.isEmpty()) {
            throw invalid("HUB_SECRET is required");
        }
        GatewayCompression compression = GatewayCompression.parse(v.get(Setting.DISCORD_COMPRESS));
        if (compression == null) {
            throw invalid("DISCORD_COMPRESS must be zstd-stream, zlib-stream or none, got '" + v.get(Setting.DISCORD_COMPRESS) + "'");
        }
        String prefix = v.get(Setting.COMMAND_PREFIX);
        int intents = Intent.parse(v.get(Setting.DISCORD_INTENTS));
        MemberRequestOptions members = memberRequests(layers, v.get(Setting.SHARDER_MEMBER_REQUESTS));
        if (members.mode() != MemberRequestOptions.Mode.NONE && !Intent.GUILD_MEMBERS.in(intents)) {
            // Discord never answers a full-list request without the intent: fail now rather than wait for nothing.
            throw invalid("SHARDER_MEMBER_REQUESTS=" + v.get(Setting.SHARDER_MEMBER_REQUESTS).trim()
                    + " needs GUILD_MEMBERS in DISCORD_INTENTS (" + intents + "); add it, or set SHARDER_MEMBER_REQUESTS=none");
        }
        return new SharderConfig(
                token,
                uri(v, Setting.DISCORD_API_BASE, "http", "https"),
                intents,
                compression,
                layers.integer(Setting.DISCORD_LARGE_THRESHOLD, 50, 250),
                uri(v, Setting.HUB_URL, "ws", "ws"),
                secret,
                hubCompression(v.get(Setting.HUB_COMPRESS)),
                prefix,
                v.get(Setting.SHARDER_NAME),
                names(v.get(Setting.SHARDER_DISPATCH_EVENTS)),
                layers.integer(Setting.SHARDER_STATUS_INTERVAL_MS, 100, 3_600_000),
                layers.integer(Setting.SHARDER_HUB_BUFFER, 100, 10_000_000),
                layers.integer(Setting.SHARDER_HUB_RATE_LIMIT, 10, 100_000_000),
                layers.integer(Setting.SHARDER_HUB_RECONNECT_MAX_MS, 100, 600_000),
                layers.integer(Setting.SHARDER_IO_THREADS, 0, 256),
                layers.integer(Setting.SHARDER_READY_TIMEOUT_MS, 100, 600_000),
                layers.integer(Setting.SHARDER_INVALID_SESSION_DELAY_MS, 0, 60_000),
                layers.integer(Setting.SHARDER_SEND_QUEUE, 1, 1_000_000),
                members,
                layers.integer(Setting.SHARDER_HTTP_PORT, -1, 65_535),
                v.get(Setting.SHARDER_HTTP_HOST));
    }

    private static MemberRequestOptions memberRequests(SettingLayers<Setting> layers, String mode) {
        MemberRequestOptions.Mode m = switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "all" -> MemberRequestOptions.Mode.ALL;
            case "small" -> MemberRequestOptions.Mode.SMALL;
            case "none" -> MemberRequestOptions.Mode.NONE;
            default -> throw invalid("SHARDER_MEMBER_REQUESTS must be all, small or none, got '" + mode + "'");
        };
        return new MemberRequestOptions(m, layers.integer(Setting.SHARDER_MEMBER_REQUEST_MAX, 0, Integer.MAX_VALUE),
                layers.integer(Setting.SHARDER_MEMBER_REQUESTS_IN_FLIGHT, 1, 100),
                layers.integer(Setting.SHARDER_MEMBER_REQUEST_TIMEOUT_MS, 100, 3_600_000));
    }

    private static Compression hubCompression(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "zstd", "true" -> Compression.ZSTD;
            case "zlib" -> Compression.ZLIB;
            case "none", "false" -> Compression.NONE;
            default -> throw invalid("HUB_COMPRESS must be zstd, zlib or none, got '" + value + "'");
        };
    }

    private static List<String> names(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private static URI uri(Map<Setting, String> v, Setting s, String scheme, String otherScheme) {
        String value = v.get(s);
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null || !(scheme.equalsIgnoreCase(uri.getScheme())
                    || otherScheme.equalsIgnoreCase(uri.getScheme()))) {
                throw invalid(s.name() + " must be a " + scheme + (scheme.equals(otherScheme) ? "" : "/" + otherScheme)
                        + ":// URL, got '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw invalid(s.name() + " is not a URL: '" + value + "'");
        }
    }

    private static SharderException invalid(String message) {
        return new SharderException(SharderException.Kind.CONFIG, message);
    }

    @Override
    public String toString() {
        return "SharderConfig[apiBase=" + apiBase + ", intents=" + intents + ", compression=" + compression
                + ", hubUrl=" + hubUrl + ", hubCompression=" + hubCompression + ", prefix=" + prefix + ", name=" + name
                + ", dispatchEvents=" + dispatchEvents + ", memberRequests=" + memberRequests + ", token=<hidden>, hubSecret=<hidden>]";
    }
}
