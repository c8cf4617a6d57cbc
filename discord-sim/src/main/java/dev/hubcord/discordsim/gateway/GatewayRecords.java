package dev.hubcord.discordsim.gateway;

/** Values the control API reports about gateway traffic. */
public final class GatewayRecords {

    private GatewayRecords() {}

    /**
     * A payload a client sent. {@code shardId} is -1 before the connection identified or resumed; {@code op} is -1
     * when the payload was not valid JSON with an integer op.
     */
    public record Received(long connectionId, int shardId, long atMillis, int op, String json) {}

    /** An IDENTIFY and what the simulator answered. */
    public record Identify(long connectionId, int shardId, int numShards, long atMillis, String outcome) {}

    /** A connection as the control API lists it. */
    public record ConnectionInfo(long id, String sessionId, int shardId, int numShards, String compression,
            boolean viaResumeUrl, boolean open, int clientCloseCode, int serverCloseCode) {}
}
