package dev.hubcord.audio.voice;

/** What a voice connection tells the worker. Called on the connection's event loop: must not block. */
public interface VoiceEvents {

    /** UDP is set up, Speaking sent: audio may flow. */
    void ready(long guildId);

    /**
     * The voice WebSocket closed (not by this worker on purpose).
     *
     * @param action what the connection does next
     */
    void closed(long guildId, int code, String reason, boolean byRemote, CloseAction action);

    /** The voice session is gone: send a fresh gateway op 4 for the guild's channel. */
    void rejoinNeeded(long guildId);
}
