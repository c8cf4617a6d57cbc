package dev.hubcord.audio.voice;

/** Where a guild's voice connection is, as {@code audio_voice_connections{state}} counts them. */
public enum VoiceState {
    /** Identified, UDP secured: audio flows. */
    CONNECTED,
    /** A voice socket is open (identify or resume through Session Description), audio does not flow yet. */
    CONNECTING,
    /** No socket: waiting for Discord's voice state and server updates, for a reconnect's back-off, or given up. */
    DISCONNECTED;

    static VoiceState of(boolean ready, boolean socketOpen) {
        return ready ? CONNECTED : socketOpen ? CONNECTING : DISCONNECTED;
    }
}
