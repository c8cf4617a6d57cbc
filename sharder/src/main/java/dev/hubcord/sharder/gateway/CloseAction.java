package dev.hubcord.sharder.gateway;

import dev.hubcord.sharder.config.Intent;

/**
 * What a shard does after its gateway connection ended with a close code (the reference's table
 * 1.12): resume, identify afresh, or stop for good.
 */
enum CloseAction {
    /** Reconnect to {@code resume_gateway_url} and RESUME (any other code, or a TCP drop). */
    RESUME,
    /** The session is gone: reconnect and IDENTIFY again (4003, 4007, 4009). */
    IDENTIFY,
    /** Not reconnectable (4004, 4010-4014): retrying would only repeat the refusal. */
    STOP;

    /** The close code this client uses for connections it abandons but whose session it keeps (not 1000/1001). */
    static final int RESUMABLE_CLOSE = 4900;

    static CloseAction of(int code) {
        return switch (code) {
            case 4004, 4010, 4011, 4012, 4013, 4014 -> STOP;
            case 4003, 4007, 4009 -> IDENTIFY;
            default -> RESUME;
        };
    }

    /** Discord's name for a close code, for log lines. */
    static String describe(int code) {
        return switch (code) {
            case 4000 -> "unknown error";
            case 4001 -> "unknown opcode";
            case 4002 -> "decode error";
            case 4003 -> "not authenticated";
            case 4004 -> "authentication failed";
            case 4005 -> "already authenticated";
            case 4007 -> "invalid seq";
            case 4008 -> "rate limited";
            case 4009 -> "session timed out";
            case 4010 -> "invalid shard";
            case 4011 -> "sharding required";
            case 4012 -> "invalid API version";
            case 4013 -> "invalid intents";
            case 4014 -> "disallowed intents";
            case -1 -> "connection dropped";
            default -> "code " + code;
        };
    }

    /** The log lines of a close that stops the shard for good, with what the operator must change for 4014. */
    static void logFatal(org.slf4j.Logger log, int shard, int serverCode, String detail, int intents) {
        log.error("shard={} event=fatal_close code={} detail=\"{}\" action=stop "
                + "(Discord will refuse this shard until the token, intents or shard count change)",
                shard, serverCode, detail);
        if (serverCode == 4014) {
            log.error("shard={} event=disallowed_intents intents={} privileged={} detail=\"the application is not "
                    + "allowed a privileged intent it asks for: enable it in the application's Bot settings "
                    + "(Privileged Gateway Intents) or remove it from DISCORD_INTENTS (without GUILD_MEMBERS also "
                    + "set SHARDER_MEMBER_REQUESTS=none)\"", shard, intents, Intent.privilegedIn(intents));
        }
    }
}
