package dev.hubcord.sharder.config;

import dev.hubcord.protocol.Compression;
import dev.hubcord.service.settings.Layer;
import dev.hubcord.service.settings.SettingException;
import dev.hubcord.service.settings.Settings;
import dev.hubcord.sharder.SharderException;
import dev.hubcord.sharder.gateway.MemberRequestOptions;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sharder's resolved settings ({@link Setting} says what each means).
 *
 * @param dispatchEvents Discord dispatch names forwarded raw as {@code DISPATCH}; the sharder cannot see
 *     which names the hub's clients subscribed to, so the operator lists them here
 * @param httpPort -1 when the /health, /ready and /metrics port is off, 0 for any free port
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
        try {
            return from(Settings.resolve(Setting.class, List.of(new Layer("--config", file),
                    new Layer("environment", env), new Layer("flags", flags))));
        } catch (SettingException e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * The config of validated settings, checking the rules between them.
     *
     * @throws SharderException {@code CONFIG} when the intents are unknown or member requests lack GUILD_MEMBERS
     */
    public static SharderConfig from(Settings<Setting> s) {
        String token = s.text(Setting.DISCORD_TOKEN);
        if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
            token = token.substring(4).trim();
        }
        int intents = Intent.parse(s.text(Setting.DISCORD_INTENTS));
        MemberRequestOptions members = new MemberRequestOptions(
                MemberRequestOptions.Mode.valueOf(s.text(Setting.SHARDER_MEMBER_REQUESTS).toUpperCase(Locale.ROOT)),
                s.integer(Setting.SHARDER_MEMBER_REQUEST_MAX), s.integer(Setting.SHARDER_MEMBER_REQUESTS_IN_FLIGHT),
                s.integer(Setting.SHARDER_MEMBER_REQUEST_TIMEOUT_MS));
        if (members.mode() != MemberRequestOptions.Mode.NONE && !Intent.GUILD_MEMBERS.in(intents)) {
            // Discord never answers a full-list request without the intent: fail now rather than wait for nothing.
            throw invalid("SHARDER_MEMBER_REQUESTS=" + s.text(Setting.SHARDER_MEMBER_REQUESTS)
                    + " needs GUILD_MEMBERS in DISCORD_INTENTS (" + intents + "); add it, or set SHARDER_MEMBER_REQUESTS=none");
        }
        return new SharderConfig(
                token,
                s.uri(Setting.DISCORD_API_BASE),
                intents,
                GatewayCompression.parse(s.text(Setting.DISCORD_COMPRESS)),
                s.integer(Setting.DISCORD_LARGE_THRESHOLD),
                s.uri(Setting.HUB_URL),
                s.text(Setting.HUB_SECRET),
                Compression.valueOf(s.text(Setting.HUB_COMPRESS).toUpperCase(Locale.ROOT)),
                s.text(Setting.COMMAND_PREFIX),
                s.text(Setting.SHARDER_NAME),
                s.items(Setting.SHARDER_DISPATCH_EVENTS).stream().map(n -> n.toUpperCase(Locale.ROOT)).distinct().toList(),
                s.integer(Setting.SHARDER_STATUS_INTERVAL_MS),
                s.integer(Setting.SHARDER_HUB_BUFFER),
                s.integer(Setting.SHARDER_HUB_RATE_LIMIT),
                s.integer(Setting.SHARDER_HUB_RECONNECT_MAX_MS),
                s.integer(Setting.SHARDER_IO_THREADS),
                s.integer(Setting.SHARDER_READY_TIMEOUT_MS),
                s.integer(Setting.SHARDER_INVALID_SESSION_DELAY_MS),
                s.integer(Setting.SHARDER_SEND_QUEUE),
                members,
                s.integer(Setting.SHARDER_HTTP_PORT),
                s.text(Setting.SHARDER_HTTP_HOST));
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
