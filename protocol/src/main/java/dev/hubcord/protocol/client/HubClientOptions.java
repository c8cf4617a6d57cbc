package dev.hubcord.protocol.client;

import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.ServiceType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Everything a {@link HubClient} needs: where the hub is, who this client is, and how it behaves.
 * Build with {@link #builder(URI, ServiceType, String)}, or {@link #builder(List, ServiceType, String)} for several
 * hub nodes. {@link #toString()} never shows the secret.
 *
 * @param uri the hub's WebSocket URL, {@code ws://host:port/ws/v1} (an empty path means {@code /ws/v1}); with
 *     several nodes, the first of {@code uris}
 * @param type the service type sent in IDENTIFY
 * @param secret the hub secret
 * @param compression the compression asked for in IDENTIFY and RESUME (default none)
 * @param name the instance name shown in {@code /v1/services}, or {@code null}
 * @param events extra Discord dispatch names this client wants as {@code DISPATCH} events
 * @param gateway for sharders, what to send as IDENTIFY's {@code gateway}; asked at every IDENTIFY on
 *     a network thread, so it must not block; returns {@code null} to send none
 * @param statistics extra heartbeat statistics ({@code guilds}, {@code players}, {@code playingPlayers},
 *     {@code inFlight}); the client always adds {@code heapUsed}. Asked at every heartbeat on a
 *     network thread, so it must be fast and must not block
 * @param ackMode when events are acknowledged (default {@link AckMode#AUTO})
 * @param dispatchExecutor where event listeners run, or {@code null} for the client's own single
 *     virtual thread; a custom executor must run tasks one at a time, in order, to keep events ordered
 * @param sendBufferCapacity how many payloads the client may hold for the hub before sends are refused:
 *     those waiting for a connection and, with {@code publishAcks}, those sent and not yet confirmed
 * @param reconnectBaseDelay the first reconnect delay (before jitter)
 * @param reconnectMaxDelay the cap of the exponential reconnect delay
 * @param maxPayloadBytes the largest payload accepted from the hub after decompression, and the largest
 *     the client agrees to send (the hub closes with 4010 past its own limit, 8 MiB by default)
 * @param connectTimeout the limit for the TCP connect, the WebSocket handshake and the wait for HELLO, each
 * @param publishAcks whether to ask the hub for publisher acknowledgements (op 8): every op 2 and op 5
 *     is then numbered and kept until the hub confirms it, and sent again on the next connection if it
 *     was not confirmed (default off)
 * @param sendBufferBytes like {@code sendBufferCapacity}, in bytes of encoded payloads (a single payload
 *     larger than this is still accepted when nothing else is held)
 * @param dispatchCapacity how many received events may wait for (or be in) the listeners; at it the client stops
 *     reading from the hub until half have been handled, so a slow application slows the hub's sending to it
 *     (the hub then gives {@code one} events to other clients) instead of filling memory (default 10,000)
 * @param maxUnacked the window asked for in IDENTIFY: at most this many unacknowledged {@code one} events at a
 *     time (the hub's {@code HUB_MAX_UNACKED} caps it); 0 takes the hub's (default)
 */
public record HubClientOptions(
        URI uri,
        ServiceType type,
        String secret,
        Compression compression,
        String name,
        List<String> events,
        Supplier<GatewayInfo> gateway,
        Supplier<? extends Map<String, ?>> statistics,
        AckMode ackMode,
        Executor dispatchExecutor,
        int sendBufferCapacity,
        Duration reconnectBaseDelay,
        Duration reconnectMaxDelay,
        int maxPayloadBytes,
        Duration connectTimeout,
        boolean publishAcks,
        long sendBufferBytes,
        int dispatchCapacity,
        int maxUnacked,
        List<URI> uris) {

    public static final int DEFAULT_SEND_BUFFER_CAPACITY = 10_000;
    public static final long DEFAULT_SEND_BUFFER_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;
    public static final int DEFAULT_DISPATCH_CAPACITY = 10_000;

    /** Checks every value. @throws IllegalArgumentException or NullPointerException for a bad one */
    public HubClientOptions {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(ackMode, "ackMode");
        Objects.requireNonNull(reconnectBaseDelay, "reconnectBaseDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        uris = uris == null || uris.isEmpty() ? List.of(uri) : List.copyOf(uris);
        if (!uris.getFirst().equals(uri)) {
            throw new IllegalArgumentException("uri must be the first of uris");
        }
        uris.forEach(HubClientOptions::checkUri);
        if (type == ServiceType.HUB) {
            throw new IllegalArgumentException("type must be sharder, commands or audio");
        }
        if (gateway != null && type != ServiceType.SHARDER) {
            throw new IllegalArgumentException("only sharders send a gateway hint");
        }
        if (sendBufferCapacity < 0 || maxPayloadBytes < 1024 || sendBufferBytes < 0) {
            throw new IllegalArgumentException(
                    "sendBufferCapacity and sendBufferBytes must be >= 0 and maxPayloadBytes >= 1024");
        }
        if (reconnectBaseDelay.isNegative() || reconnectBaseDelay.isZero()
                || reconnectMaxDelay.compareTo(reconnectBaseDelay) < 0) {
            throw new IllegalArgumentException("need 0 < reconnectBaseDelay <= reconnectMaxDelay");
        }
        if (dispatchCapacity < 2 || maxUnacked < 0) {
            throw new IllegalArgumentException("dispatchCapacity must be >= 2 and maxUnacked >= 0");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        events = events == null ? List.of() : List.copyOf(events);
        statistics = statistics == null ? Map::of : statistics;
    }

    /** The options as they were before publisher acknowledgements: those off, the default byte bound. */
    public HubClientOptions(URI uri, ServiceType type, String secret, Compression compression, String name,
            List<String> events, Supplier<GatewayInfo> gateway, Supplier<? extends Map<String, ?>> statistics,
            AckMode ackMode, Executor dispatchExecutor, int sendBufferCapacity, Duration reconnectBaseDelay,
            Duration reconnectMaxDelay, int maxPayloadBytes, Duration connectTimeout) {
        this(uri, type, secret, compression, name, events, gateway, statistics, ackMode, dispatchExecutor,
                sendBufferCapacity, reconnectBaseDelay, reconnectMaxDelay, maxPayloadBytes, connectTimeout, false,
                DEFAULT_SEND_BUFFER_BYTES, DEFAULT_DISPATCH_CAPACITY, 0, List.of(uri));
    }

    private static void checkUri(URI uri) {
        if (!"ws".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("a hub URL must be ws://host[:port]/path, got " + uri);
        }
    }

    /**
     * Reads hub URLs as services take them in {@code HUB_URL}: one URL, or several separated by commas (blanks
     * around them ignored).
     *
     * @throws IllegalArgumentException when the text holds no URL or one that is not a hub URL
     */
    public static List<URI> parseUris(String text) {
        List<URI> uris = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                URI uri;
                try {
                    uri = new URI(part.strip());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalArgumentException("not a URL: " + part.strip(), e);
                }
                checkUri(uri);
                uris.add(uri);
            }
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("no hub URL in '" + text + "'");
        }
        return List.copyOf(uris);
    }

    /** Starts a builder with the three required values and every default. */
    public static Builder builder(URI uri, ServiceType type, String secret) {
        return new Builder(List.of(uri), type, secret);
    }

    /**
     * Starts a builder for a clustered hub: the client spreads over the nodes and moves to another when its own
     * fails (one URL behaves as {@link #builder(URI, ServiceType, String)}).
     */
    public static Builder builder(List<URI> uris, ServiceType type, String secret) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("at least one hub URL");
        }
        return new Builder(List.copyOf(uris), type, secret);
    }

    @Override
    public String toString() {
        return "HubClientOptions[uris=" + uris + ", type=" + type + ", name=" + name + ", compression=" + compression
                + ", ackMode=" + ackMode + ", publishAcks=" + publishAcks + ", secret=***]";
    }

    /** A mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private final List<URI> uris;
        private final ServiceType type;
        private final String secret;
        private Compression compression = Compression.NONE;
        private String name;
        private List<String> events = List.of();
        private Supplier<GatewayInfo> gateway;
        private Supplier<? extends Map<String, ?>> statistics;
        private AckMode ackMode = AckMode.AUTO;
        private Executor dispatchExecutor;
        private int sendBufferCapacity = DEFAULT_SEND_BUFFER_CAPACITY;
        private Duration reconnectBaseDelay = Duration.ofSeconds(1);
        private Duration reconnectMaxDelay = Duration.ofSeconds(30);
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean publishAcks;
        private long sendBufferBytes = DEFAULT_SEND_BUFFER_BYTES;
        private int dispatchCapacity = DEFAULT_DISPATCH_CAPACITY;
        private int maxUnacked;

        private Builder(List<URI> uris, ServiceType type, String secret) {
            this.uris = uris;
            this.type = type;
            this.secret = secret;
        }

        public Builder compression(Compression value) {
            this.compression = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder events(List<String> value) {
            this.events = value;
            return this;
        }

        /** A fixed gateway hint (sharders only). */
        public Builder gateway(GatewayInfo value) {
            this.gateway = value == null ? null : () -> value;
            return this;
        }

        /** A gateway hint read at every IDENTIFY (sharders only); must not block. */
        public Builder gateway(Supplier<GatewayInfo> value) {
            this.gateway = value;
            return this;
        }

        public Builder statistics(Supplier<? extends Map<String, ?>> value) {
            this.statistics = value;
            return this;
        }

        public Builder ackMode(AckMode value) {
            this.ackMode = value;
            return this;
        }

        public Builder dispatchExecutor(Executor value) {
            this.dispatchExecutor = value;
            return this;
        }

        public Builder sendBufferCapacity(int value) {
            this.sendBufferCapacity = value;
            return this;
        }

        public Builder reconnectDelay(Duration base, Duration max) {
            this.reconnectBaseDelay = base;
            this.reconnectMaxDelay = max;
            return this;
        }

        public Builder maxPayloadBytes(int value) {
            this.maxPayloadBytes = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /** Asks the hub for publisher acknowledgements (op 8); see {@code docs/protocol.md}. */
        public Builder publishAcks(boolean value) {
            this.publishAcks = value;
            return this;
        }

        public Builder sendBufferBytes(long value) {
            this.sendBufferBytes = value;
            return this;
        }

        public Builder dispatchCapacity(int value) {
            this.dispatchCapacity = value;
            return this;
        }

        public Builder maxUnacked(int value) {
            this.maxUnacked = value;
            return this;
        }

        /** @throws IllegalArgumentException or NullPointerException for a bad value */
        public HubClientOptions build() {
            return new HubClientOptions(uris.getFirst(), type, secret, compression, name, events, gateway, statistics,
                    ackMode, dispatchExecutor, sendBufferCapacity, reconnectBaseDelay, reconnectMaxDelay,
                    maxPayloadBytes, connectTimeout, publishAcks, sendBufferBytes, dispatchCapacity, maxUnacked, uris);
        }
    }
}
