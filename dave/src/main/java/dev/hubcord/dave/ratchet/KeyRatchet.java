package dev.hubcord.dave.ratchet;

import dev.hubcord.dave.DaveException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * A sender's media key ratchet for one epoch: the MLS secret-tree hash ratchet (RFC 9420 §9.1) started from the
 * 16-byte exported base secret, as libdave uses it through mlspp's {@code HashRatchet}:
 *
 * <pre>
 * key(g)      = DeriveTreeSecret(secret(g), "key",    g, 16)
 * secret(g+1) = DeriveTreeSecret(secret(g), "secret", g, 32)
 * </pre>
 *
 * where {@code DeriveTreeSecret(s, label, g, n) = ExpandWithLabel(s, label, uint32 g, n)} with SHA-256. Keys are derived
 * forward on demand and cached; {@link #erase(long)} forgets one, after which it cannot be produced again (the secret
 * chain only moves forward). Thread-safe.
 */
public final class KeyRatchet {

    private static final int KEY_BYTES = 16;
    private static final int SECRET_BYTES = 32;

    private final Map<Long, byte[]> keys = new HashMap<>();
    private byte[] nextSecret;
    private long nextGeneration;

    public KeyRatchet(byte[] baseSecret) {
        this.nextSecret = baseSecret.clone();
    }

    /**
     * The key for {@code generation}, ratcheting forward as needed.
     *
     * @throws DaveException {@code MISSING_CRYPTOR} when that generation was already erased
     */
    public synchronized byte[] key(long generation) {
        byte[] cached = keys.get(generation);
        if (cached != null) {
            return cached.clone();
        }
        if (generation < nextGeneration) {
            throw new DaveException(DaveException.Kind.MISSING_CRYPTOR, "key for generation " + generation
                    + " was erased");
        }
        while (nextGeneration <= generation) {
            int g = (int) nextGeneration;
            keys.put(nextGeneration, expandWithLabel(nextSecret, "key", uint32(g), KEY_BYTES));
            nextSecret = expandWithLabel(nextSecret, "secret", uint32(g), SECRET_BYTES);
            nextGeneration++;
        }
        return keys.get(generation).clone();
    }

    /** Forgets the key of {@code generation}; later requests for it fail. */
    public synchronized void erase(long generation) {
        byte[] key = keys.remove(generation);
        if (key != null) {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * RFC 9420 ExpandWithLabel over HKDF-SHA256: {@code HKDF-Expand(secret, KDFLabel, length)} with
     * {@code KDFLabel = uint16 length || opaque label<V> = "MLS 1.0 " + label || opaque context<V>}.
     */
    static byte[] expandWithLabel(byte[] secret, String label, byte[] context, int length) {
        byte[] fullLabel = ("MLS 1.0 " + label).getBytes(StandardCharsets.US_ASCII);
        // every label and context here is shorter than 64 bytes, so each varint length is a single byte
        byte[] info = new byte[2 + 1 + fullLabel.length + 1 + context.length];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) fullLabel.length;
        System.arraycopy(fullLabel, 0, info, 3, fullLabel.length);
        info[3 + fullLabel.length] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + fullLabel.length, context.length);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(SHA256Digest.newInstance());
        hkdf.init(HKDFParameters.skipExtractParameters(secret, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    private static byte[] uint32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
