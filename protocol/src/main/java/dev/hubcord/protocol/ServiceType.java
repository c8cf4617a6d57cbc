package dev.hubcord.protocol;

/** The kinds of service that identify with the hub. {@link #HUB} is the hub itself, in the event table. */
public enum ServiceType {
    SHARDER("sharder"),
    COMMANDS("commands"),
    AUDIO("audio"),
    HUB("hub");

    private final String wireName;

    ServiceType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in IDENTIFY's {@code type} and in REST answers. */
    public String wireName() {
        return wireName;
    }

    /** The client type for an IDENTIFY {@code type} value, or {@code null} when it is not a client type. */
    public static ServiceType fromWireName(String name) {
        return switch (name) {
            case "sharder" -> SHARDER;
            case "commands" -> COMMANDS;
            case "audio" -> AUDIO;
            case null, default -> null;
        };
    }
}
