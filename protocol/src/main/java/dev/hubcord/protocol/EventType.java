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
    PLAYER_JOIN(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    PLAYER_LEAVE(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    PLAYER_PLAY(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    PLAYER_STOP(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    PLAYER_PAUSE(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    PLAYER_SEEK(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    PLAYER_VOLUME(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    PLAYER_SKIP(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    PLAYER_QUEUE(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    /** Guild delivery when {@code d.guildID} is present, otherwise one. */
    LOAD_TRACKS(Set.of(COMMANDS), AUDIO, DeliveryMode.GUILD),
    TRACK_START(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    TRACK_END(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    TRACK_EXCEPTION(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    TRACK_STUCK(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    PLAYER_UPDATE(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    VOICE_CLOSED(Set.of(AUDIO), COMMANDS, DeliveryMode.ONE),
    /** An audio worker taking a guild over asks the hub for the guild's last player snapshot (a request). */
    PLAYER_RECOVER(Set.of(AUDIO), HUB, DeliveryMode.HUB),
    /** The hub tells an audio worker that another worker plays a guild it reported: drop it without leaving voice. */
    PLAYER_RELEASED(Set.of(HUB), AUDIO, DeliveryMode.DIRECT),
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

    EventType(Set<ServiceType> senders, ServiceType receiver, DeliveryMode mode) {
        this.senders = senders;
        this.receiver = receiver;
        this.mode = mode;
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
}
