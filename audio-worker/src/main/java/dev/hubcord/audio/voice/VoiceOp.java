package dev.hubcord.audio.voice;

/** Voice gateway v8 opcodes this worker sends or handles itself (DAVE's are registered by the DAVE session). */
public final class VoiceOp {
    public static final int IDENTIFY = 0;
    public static final int SELECT_PROTOCOL = 1;
    public static final int READY = 2;
    public static final int HEARTBEAT = 3;
    public static final int SESSION_DESCRIPTION = 4;
    public static final int SPEAKING = 5;
    public static final int HEARTBEAT_ACK = 6;
    public static final int RESUME = 7;
    public static final int HELLO = 8;
    public static final int RESUMED = 9;
    public static final int CLIENTS_CONNECT = 11;
    public static final int CLIENT_DISCONNECT = 13;

    private VoiceOp() {}
}
