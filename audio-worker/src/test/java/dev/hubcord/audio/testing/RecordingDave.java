package dev.hubcord.audio.testing;

import dev.hubcord.audio.e2ee.MlsDaveSession;
import dev.hubcord.audio.transport.FrameTransform;
import dev.hubcord.audio.voice.DaveSession;
import dev.hubcord.audio.voice.OpcodeRegistry;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker's real DAVE session with a tap on its frame stage: for every frame it records what came in (the Opus
 * frame the worker encoded) under what went out (the DAVE frame the simulator receives after transport decryption),
 * so a test can check a listener's decryption against the worker's input bit for bit.
 */
public final class RecordingDave implements DaveSession.Factory {

    /** Output frame (hex) → input frame. */
    public final Map<String, byte[]> inputByOutput = new ConcurrentHashMap<>();
    /** The sessions made, by channel id. */
    public final Map<Long, MlsDaveSession> sessions = new ConcurrentHashMap<>();

    public byte[] inputFor(byte[] output) {
        return inputByOutput.get(HexFormat.of().formatHex(output));
    }

    @Override
    public DaveSession create(long userId, long channelId) {
        MlsDaveSession real = new MlsDaveSession(userId, channelId);
        sessions.put(channelId, real);
        FrameTransform tapped = new FrameTransform() {
            @Override
            public int maxOutputLength(int frameLength) {
                return real.frameTransform().maxOutputLength(frameLength);
            }

            @Override
            public boolean transform(int ssrc, ByteBuffer in, ByteBuffer out) {
                byte[] input = new byte[in.remaining()];
                in.duplicate().get(input);
                int start = out.position();
                boolean ok = real.frameTransform().transform(ssrc, in, out);
                if (ok) {
                    byte[] output = new byte[out.position() - start];
                    out.duplicate().position(start).get(output);
                    inputByOutput.put(HexFormat.of().formatHex(output), input);
                }
                return ok;
            }
        };
        return new DaveSession() {
            @Override
            public int maxProtocolVersion() {
                return real.maxProtocolVersion();
            }

            @Override
            public void register(OpcodeRegistry registry, Outbound outbound) {
                real.register(registry, outbound);
            }

            @Override
            public void start(int protocolVersion) {
                real.start(protocolVersion);
            }

            @Override
            public FrameTransform frameTransform() {
                return tapped;
            }

            @Override
            public void reset() {
                real.reset();
            }
        };
    }
}
