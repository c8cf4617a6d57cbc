package dev.hubcord.audio.voice;

/** What a voice connection does after its WebSocket closed, by Discord's documented close codes. */
public enum CloseAction {
    /** Reconnect to the same endpoint and send op 7 Resume (4015, or a dropped connection). */
    RESUME,
    /** Drop the voice session and ask for a new one through a fresh gateway op 4 (4006, 4009 and undocumented codes). */
    REJOIN,
    /** Do not reconnect (4014, 4021, 4022; 4017 needs DAVE; 4016 no common mode): tell the hub and stop. */
    GIVE_UP;

    /** The documented action for a close code. */
    public static CloseAction of(int code) {
        return switch (code) {
            case 4015 -> RESUME;
            case 4014, 4016, 4017, 4021, 4022 -> GIVE_UP;
            case 4006, 4009 -> REJOIN;
            default -> code >= 4000 && code < 5000 ? REJOIN : RESUME;
        };
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("give_up", "none");
    }
}
