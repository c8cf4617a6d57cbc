package dev.hubcord.protocol;

import static dev.hubcord.protocol.ServiceType.AUDIO;
import static dev.hubcord.protocol.ServiceType.COMMANDS;
import static dev.hubcord.protocol.ServiceType.HUB;
import static dev.hubcord.protocol.ServiceType.SHARDER;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The event table of contract section 6: who may send each event, who receives it, and how the hub
 * delivers it. {@code receiver} is {@code null} for events that go back to whoever asked
 * ({@code REPLY}) or to every client ({@code IDENTIFIED}, {@code BOT_INFO}).
 *
 * <p>Only the events marked here as (possible) requests are requests when their {@code d} has a
 * {@code nonce}: it is registered so that the {@code REPLY} carrying it finds its way back. A {@code nonce}
 * inside any other event's {@code d} belongs to the application and means nothing to the hub.
 */
public enum EventType {
    IDENTIFIED(Set.of(HUB), null, DeliveryMode.DIRECT),
    RESUMED(Set.of(HUB), null, DeliveryMode.DIRECT),
    SHARDS_ASSIGNED(Set.of(HUB), SHARDER, DeliveryMode.DIRECT),
    BOT_INFO(Set.of(HUB), null, DeliveryMode.DIRECT),
    EXECUTE_COMMAND(Set.of(SHARDER), COMMANDS, DeliveryMode.ONE),
    VOICE_STATE_UPDATE(Set.of(SHARDER), AUDIO, DeliveryMode.GUILD),
    VOICE_SERVER_UPDATE(Set.of(SHARDER), AUDIO, DeliveryMode.GUILD),
    GATEWAY_SEND(Set.of(AUDIO, COMMANDS), SHARDER, DeliveryMode.GUILD),
    IDENTIFY_REQUEST(Set.of(SHARDER), HUB, DeliveryMode.HUB),
    IDENTIFY_GRANTED(Set.of(HUB), SHARDER, DeliveryMode.DIRECT),
    SHARD_STATUS(Set.of(SHARDER), HUB, DeliveryMode.HUB),
    DISPATCH(Set.of(SHARDER), null, DeliveryMode.SUBSCRIBERS),
    PLAYER_JOIN(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    PLAYER_LEAVE(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    PLAYER_PLAY(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    PLAYER_STOP(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    PLAYER_PAUSE(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    PLAYER_SEEK(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    PLAYER_VOLUME(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    PLAYER_SKIP(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    PLAYER_QUEUE(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    PLAYER_FILTERS(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MAY),
    /** Guild delivery when {@code d.guildID} is present, otherwise one. A request: answered with REPLY. */
    LOAD_TRACKS(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD, Request.MUST),
    TRACK_START(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    TRACK_END(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    TRACK_EXCEPTION(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    TRACK_STUCK(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    PLAYER_UPDATE(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    VOICE_CLOSED(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    /** An audio worker taking a guild over asks the hub for the guild's last player snapshot (a request). */
    PLAYER_RECOVER(Set.of(AUDIO), HUB, DeliveryMode.HUB, Request.MUST),
    /** The hub tells an audio worker that another worker plays a guild it reported: drop it without leaving voice. */
    PLAYER_RELEASED(Set.of(HUB), AUDIO, DeliveryMode.DIRECT),
    /** A service asks the hub for a named lease (one holder at a time); a request, answered with REPLY. */
    LEASE(EnumSet.of(SHARDER, COMMANDS, AUDIO), HUB, DeliveryMode.HUB, Request.MUST),
    /** The holder gives a named lease back. */
    LEASE_RELEASE(EnumSet.of(SHARDER, COMMANDS, AUDIO), HUB, DeliveryMode.HUB),
    /** A Discord REST client asks the hub for a rate-limit permit (a request, answered with REPLY). */
    RATELIMIT_ACQUIRE(EnumSet.of(SHARDER, COMMANDS, AUDIO), HUB, DeliveryMode.HUB, Request.MUST),
    /** A Discord REST client reports what Discord's rate-limit headers said about a permitted request. */
    RATELIMIT_UPDATE(EnumSet.of(SHARDER, COMMANDS, AUDIO), HUB, DeliveryMode.HUB),
    REPLY(EnumSet.of(SHARDER, COMMANDS, AUDIO), null, DeliveryMode.DIRECT);

    private static final Map<String, EventType> BY_NAME = new HashMap<>();

    static {
        for (EventType type : values()) {
            BY_NAME.put(type.name(), type);
        }
    }

    private final Set<ServiceType> senders;
    private final ServiceType receiver;
    private final DeliveryMode mode;
    private final Request request;

    EventType(Set<ServiceType> senders, ServiceType receiver, DeliveryMode mode) {
        this(senders, receiver, mode, Request.NO);
    }

    EventType(Set<ServiceType> senders, ServiceType receiver, DeliveryMode mode, Request request) {
        this.senders = senders;
        this.receiver = receiver;
        this.mode = mode;
        this.request = request;
    }

    /** The event with this name, or {@code null} if the name is not in the table. */
    public static EventType byName(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    /** Whether a client of this type may send the event to the hub. */
    public boolean maySend(ServiceType sender) {
        return senders.contains(sender);
    }

    /** The receiving service type, or {@code null} when the receivers are chosen another way. */
    public ServiceType receiver() {
        return receiver;
    }

    public DeliveryMode mode() {
        return mode;
    }

    /** Whether the event can be a request at all, must be one, or never is. */
    public Request request() {
        return request;
    }

    /** Whether this event is a request when it carries {@code d.nonce}, answered with a REPLY. */
    public boolean mayBeRequest() {
        return request != Request.NO;
    }

    /** Whether an event of this type is a request: {@code d.nonce} is then its own, else the application's. */
    public enum Request {
        /** Never a request: a {@code d.nonce} is the application's and the hub ignores it. */
        NO,
        /** A request when {@code d} has a {@code nonce}; without one, a plain event. */
        MAY,
        /** Always a request: {@code d.nonce} is required. */
        MUST
    }
}
