package dev.hubcord.discordsim.gateway;

import dev.hubcord.discordsim.SimException;
import java.util.Set;

/**
 * Gateway behaviour. Defaults are Discord's documented values; everything the reference marks as unverified is a
 * knob here, so tests can choose either plausible variant. Times are milliseconds.
 *
 * @param heartbeatIntervalMs HELLO's {@code heartbeat_interval} (real: 41250)
 * @param heartbeatTimeoutFactor without a heartbeat for interval × factor the server gives up (0 = never)
 * @param heartbeatTimeoutAction close with 4009, or drop TCP
 * @param reconnectBeforeHelloChance probability that a new connection gets op 7 before HELLO
 * @param reconnectCloseDelayMs delay between op 7 and the server closing the socket
 * @param reconnectCloseAction close with 4000, or drop TCP, after op 7
 * @param invalidSessionCloseDelayMs close the socket with 4000 this long after op 9; -1 = keep it open
 * @param resumeTimeoutMs how long a disconnected session stays resumable
 * @param replayBufferSize dispatches kept per session for RESUME replay
 * @param badResumeSeq RESUME with an impossible {@code seq}: close 4007 or op 9 false
 * @param identifyWindowMs one IDENTIFY per concurrency bucket per window (real: 5000)
 * @param maxConcurrency {@code session_start_limit.max_concurrency}
 * @param sessionStartTotal {@code session_start_limit.total}
 * @param sessionStartResetAfterMs {@code session_start_limit.reset_after}
 * @param exhaustedStarts what happens when {@code remaining} hits 0: close 4004 or op 9 false
 * @param recommendedShards {@code /gateway/bot} {@code shards}
 * @param sendLimit client payloads allowed per {@code sendWindowMs} (real: 120 per 60 s), else 4008
 * @param sendWindowMs see sendLimit
 * @param maxPayloadBytes larger client payloads get 4002 (real: 4096)
 * @param acceptedVersions values of {@code v} accepted on connect; others get 4012
 * @param strictIntents close 4013 for undefined intent bits
 * @param requiredShardMultiple {@code num_shards} must be a multiple of this (large-bot sharding), else 4010
 * @param maxGuildsPerSession more guilds on one session gets 4011 (real: 2500)
 * @param invalidPayloadCloseCode close code for a known opcode with a malformed {@code d}
 * @param voiceReplyOrder order of VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE after op 4
 * @param voiceEndpoint VOICE_SERVER_UPDATE endpoint; null = the simulator's own voice server (the bot's channel is
 *     assigned to it either way)
 * @param voiceNullEndpointFirst send a VOICE_SERVER_UPDATE with {@code endpoint:null} before the real one
 * @param memberChunkSize members per GUILD_MEMBERS_CHUNK (real: 1000)
 * @param fullMemberRequestWindowMs full member list requests per guild per window (real: 1 per 30 s)
 * @param fullListWithoutIntentCloseCode 0 = no reply (reported behaviour), else close with this code
 * @param wrongShardCloseCode op 4/8 for a guild of another shard: 0 = ignore, else close with this code
 * @param zlibSplitMessages split each zlib-stream payload over two websocket messages
 * @param recordLimit received payloads kept per connection for the control API
 * @param resumedHasSeq RESUMED carries an {@code s} like any dispatch (one public capture omits it)
 * @param fullMemberRequestPerSession the op 8 full-list limit counts per session (default) instead of per bot
 */
public record GatewayConfig(
        int heartbeatIntervalMs,
        double heartbeatTimeoutFactor,
        DisconnectAction heartbeatTimeoutAction,
        double reconnectBeforeHelloChance,
        long reconnectCloseDelayMs,
        DisconnectAction reconnectCloseAction,
        long invalidSessionCloseDelayMs,
        long resumeTimeoutMs,
        int replayBufferSize,
        BadSeqAction badResumeSeq,
        long identifyWindowMs,
        int maxConcurrency,
        int sessionStartTotal,
        long sessionStartResetAfterMs,
        ExhaustedAction exhaustedStarts,
        int recommendedShards,
        int sendLimit,
        long sendWindowMs,
        int maxPayloadBytes,
        Set<Integer> acceptedVersions,
        boolean strictIntents,
        int requiredShardMultiple,
        int maxGuildsPerSession,
        int invalidPayloadCloseCode,
        VoiceReplyOrder voiceReplyOrder,
        String voiceEndpoint,
        boolean voiceNullEndpointFirst,
        int memberChunkSize,
        long fullMemberRequestWindowMs,
        int fullListWithoutIntentCloseCode,
        int wrongShardCloseCode,
        boolean zlibSplitMessages,
        int recordLimit,
        boolean resumedHasSeq,
        boolean fullMemberRequestPerSession) {

    /** Close with a code, or drop the TCP connection without a close frame. */
    public enum DisconnectAction { CLOSE, DROP }

    /** Answer to a RESUME whose {@code seq} is impossible. */
    public enum BadSeqAction { CLOSE_4007, INVALID_SESSION }

    /** Answer to an IDENTIFY when {@code session_start_limit.remaining} is 0. */
    public enum ExhaustedAction { CLOSE_4004, INVALID_SESSION }

    /** Order of the two events that answer a voice join. */
    public enum VoiceReplyOrder { STATE_FIRST, SERVER_FIRST, RANDOM }

    public GatewayConfig {
        acceptedVersions = Set.copyOf(acceptedVersions);
        if (heartbeatIntervalMs < 1 || maxConcurrency < 1 || sendLimit < 1 || maxPayloadBytes < 1
                || memberChunkSize < 1 || requiredShardMultiple < 1 || replayBufferSize < 1 || recordLimit < 1) {
            throw new SimException(SimException.Kind.CONFIG, "gateway values out of range");
        }
    }

    public static GatewayConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.heartbeatIntervalMs = heartbeatIntervalMs;
        b.heartbeatTimeoutFactor = heartbeatTimeoutFactor;
        b.heartbeatTimeoutAction = heartbeatTimeoutAction;
        b.reconnectBeforeHelloChance = reconnectBeforeHelloChance;
        b.reconnectCloseDelayMs = reconnectCloseDelayMs;
        b.reconnectCloseAction = reconnectCloseAction;
        b.invalidSessionCloseDelayMs = invalidSessionCloseDelayMs;
        b.resumeTimeoutMs = resumeTimeoutMs;
        b.replayBufferSize = replayBufferSize;
        b.badResumeSeq = badResumeSeq;
        b.identifyWindowMs = identifyWindowMs;
        b.maxConcurrency = maxConcurrency;
        b.sessionStartTotal = sessionStartTotal;
        b.sessionStartResetAfterMs = sessionStartResetAfterMs;
        b.exhaustedStarts = exhaustedStarts;
        b.recommendedShards = recommendedShards;
        b.sendLimit = sendLimit;
        b.sendWindowMs = sendWindowMs;
        b.maxPayloadBytes = maxPayloadBytes;
        b.acceptedVersions = acceptedVersions;
        b.strictIntents = strictIntents;
        b.requiredShardMultiple = requiredShardMultiple;
        b.maxGuildsPerSession = maxGuildsPerSession;
        b.invalidPayloadCloseCode = invalidPayloadCloseCode;
        b.voiceReplyOrder = voiceReplyOrder;
        b.voiceEndpoint = voiceEndpoint;
        b.voiceNullEndpointFirst = voiceNullEndpointFirst;
        b.memberChunkSize = memberChunkSize;
        b.fullMemberRequestWindowMs = fullMemberRequestWindowMs;
        b.fullListWithoutIntentCloseCode = fullListWithoutIntentCloseCode;
        b.wrongShardCloseCode = wrongShardCloseCode;
        b.zlibSplitMessages = zlibSplitMessages;
        b.recordLimit = recordLimit;
        b.resumedHasSeq = resumedHasSeq;
        b.fullMemberRequestPerSession = fullMemberRequestPerSession;
        return b;
    }

    /** Fluent builder; starts from Discord's defaults. */
    public static final class Builder {
        private int heartbeatIntervalMs = 41_250;
        private double heartbeatTimeoutFactor = 1.5;
        private DisconnectAction heartbeatTimeoutAction = DisconnectAction.CLOSE;
        private double reconnectBeforeHelloChance;
        private long reconnectCloseDelayMs = 1_000;
        private DisconnectAction reconnectCloseAction = DisconnectAction.CLOSE;
        private long invalidSessionCloseDelayMs = -1;
        private long resumeTimeoutMs = 90_000;
        private int replayBufferSize = 10_000;
        private BadSeqAction badResumeSeq = BadSeqAction.CLOSE_4007;
        private long identifyWindowMs = 5_000;
        private int maxConcurrency = 1;
        private int sessionStartTotal = 1_000;
        private long sessionStartResetAfterMs = 86_400_000;
        private ExhaustedAction exhaustedStarts = ExhaustedAction.CLOSE_4004;
        private int recommendedShards = 1;
        private int sendLimit = 120;
        private long sendWindowMs = 60_000;
        private int maxPayloadBytes = 4_096;
        private Set<Integer> acceptedVersions = Set.of(10);
        private boolean strictIntents = true;
        private int requiredShardMultiple = 1;
        private int maxGuildsPerSession = 2_500;
        private int invalidPayloadCloseCode = 4001;
        private VoiceReplyOrder voiceReplyOrder = VoiceReplyOrder.RANDOM;
        private String voiceEndpoint;
        private boolean voiceNullEndpointFirst;
        private int memberChunkSize = 1_000;
        private long fullMemberRequestWindowMs = 30_000;
        private int fullListWithoutIntentCloseCode;
        private int wrongShardCloseCode;
        private boolean zlibSplitMessages;
        private int recordLimit = 10_000;
        private boolean resumedHasSeq = true;
        // Per session by default: libraries (JDA) ask for every member list again after a fresh IDENTIFY and work on
        // real Discord, so a per-bot window that refuses those requests is stricter than Discord is.
        private boolean fullMemberRequestPerSession = true;

        public Builder heartbeatIntervalMs(int v) { heartbeatIntervalMs = v; return this; }
        public Builder heartbeatTimeoutFactor(double v) { heartbeatTimeoutFactor = v; return this; }
        public Builder heartbeatTimeoutAction(DisconnectAction v) { heartbeatTimeoutAction = v; return this; }
        public Builder reconnectBeforeHelloChance(double v) { reconnectBeforeHelloChance = v; return this; }
        public Builder reconnectCloseDelayMs(long v) { reconnectCloseDelayMs = v; return this; }
        public Builder reconnectCloseAction(DisconnectAction v) { reconnectCloseAction = v; return this; }
        public Builder invalidSessionCloseDelayMs(long v) { invalidSessionCloseDelayMs = v; return this; }
        public Builder resumeTimeoutMs(long v) { resumeTimeoutMs = v; return this; }
        public Builder replayBufferSize(int v) { replayBufferSize = v; return this; }
        public Builder badResumeSeq(BadSeqAction v) { badResumeSeq = v; return this; }
        public Builder identifyWindowMs(long v) { identifyWindowMs = v; return this; }
        public Builder maxConcurrency(int v) { maxConcurrency = v; return this; }
        public Builder sessionStartTotal(int v) { sessionStartTotal = v; return this; }
        public Builder sessionStartResetAfterMs(long v) { sessionStartResetAfterMs = v; return this; }
        public Builder exhaustedStarts(ExhaustedAction v) { exhaustedStarts = v; return this; }
        public Builder recommendedShards(int v) { recommendedShards = v; return this; }
        public Builder sendLimit(int v) { sendLimit = v; return this; }
        public Builder sendWindowMs(long v) { sendWindowMs = v; return this; }
        public Builder maxPayloadBytes(int v) { maxPayloadBytes = v; return this; }
        public Builder acceptedVersions(Set<Integer> v) { acceptedVersions = v; return this; }
        public Builder strictIntents(boolean v) { strictIntents = v; return this; }
        public Builder requiredShardMultiple(int v) { requiredShardMultiple = v; return this; }
        public Builder maxGuildsPerSession(int v) { maxGuildsPerSession = v; return this; }
        public Builder invalidPayloadCloseCode(int v) { invalidPayloadCloseCode = v; return this; }
        public Builder voiceReplyOrder(VoiceReplyOrder v) { voiceReplyOrder = v; return this; }
        public Builder voiceEndpoint(String v) { voiceEndpoint = v; return this; }
        public Builder voiceNullEndpointFirst(boolean v) { voiceNullEndpointFirst = v; return this; }
        public Builder memberChunkSize(int v) { memberChunkSize = v; return this; }
        public Builder fullMemberRequestWindowMs(long v) { fullMemberRequestWindowMs = v; return this; }
        public Builder fullListWithoutIntentCloseCode(int v) { fullListWithoutIntentCloseCode = v; return this; }
        public Builder wrongShardCloseCode(int v) { wrongShardCloseCode = v; return this; }
        public Builder zlibSplitMessages(boolean v) { zlibSplitMessages = v; return this; }
        public Builder recordLimit(int v) { recordLimit = v; return this; }
        public Builder resumedHasSeq(boolean v) { resumedHasSeq = v; return this; }
        public Builder fullMemberRequestPerSession(boolean v) { fullMemberRequestPerSession = v; return this; }

        public GatewayConfig build() {
            return new GatewayConfig(heartbeatIntervalMs, heartbeatTimeoutFactor, heartbeatTimeoutAction,
                    reconnectBeforeHelloChance, reconnectCloseDelayMs, reconnectCloseAction,
                    invalidSessionCloseDelayMs, resumeTimeoutMs, replayBufferSize, badResumeSeq, identifyWindowMs,
                    maxConcurrency, sessionStartTotal, sessionStartResetAfterMs, exhaustedStarts, recommendedShards,
                    sendLimit, sendWindowMs, maxPayloadBytes, acceptedVersions, strictIntents, requiredShardMultiple,
                    maxGuildsPerSession, invalidPayloadCloseCode, voiceReplyOrder, voiceEndpoint,
                    voiceNullEndpointFirst, memberChunkSize, fullMemberRequestWindowMs,
                    fullListWithoutIntentCloseCode, wrongShardCloseCode, zlibSplitMessages, recordLimit, resumedHasSeq,
                    fullMemberRequestPerSession);
        }
    }
}
