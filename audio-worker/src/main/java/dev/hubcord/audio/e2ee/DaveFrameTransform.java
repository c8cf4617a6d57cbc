package dev.hubcord.audio.e2ee;

import dev.hubcord.audio.transport.FrameTransform;
import dev.hubcord.dave.DaveException;
import dev.hubcord.dave.FrameEncryptor;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAVE's media transform on the send path: Opus frame in, {@code ciphertext | tag | nonce | size | FAFA} out once a
 * transition to version 1 has executed, the frame unchanged before (the encryptor's passthrough). The encryptor is
 * thread-safe and never blocks, so this runs on the sender thread. A frame the encryptor refuses is dropped.
 */
public final class DaveFrameTransform implements FrameTransform {

    private static final Logger log = LoggerFactory.getLogger(DaveFrameTransform.class);

    private final FrameEncryptor encryptor;
    private long failures;

    public DaveFrameTransform(FrameEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    @Override
    public int maxOutputLength(int frameLength) {
        return FrameEncryptor.maxEncryptedSize(frameLength);
    }

    @Override
    public boolean transform(int ssrc, ByteBuffer in, ByteBuffer out) {
        if (!in.hasArray() || !out.hasArray()) {
            throw new IllegalArgumentException("DAVE transform needs heap buffers");
        }
        try {
            int n = encryptor.encrypt(in.array(), in.arrayOffset() + in.position(), in.remaining(), out.array(),
                    out.arrayOffset() + out.position());
            in.position(in.limit());
            out.position(out.position() + n);
            return true;
        } catch (DaveException e) {
            // one log line per 1000 failures: a broken key would otherwise log 50 lines a second
            if (failures++ % 1000 == 0) {
                log.warn("ssrc {}: DAVE encryption failed ({} so far): {}", ssrc, failures, e.getMessage());
            }
            return false;
        }
    }
}
