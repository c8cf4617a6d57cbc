package dev.hubcord.dave.server;

import dev.hubcord.dave.DaveException;
import dev.hubcord.dave.mls.DaveMlsParameters;
import dev.hubcord.dave.mls.Mls;
import java.util.Arrays;
import org.bouncycastle.mls.codec.KeyPackage;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSOutputStream;

/** The gateway's key package validation (whitepaper "Key Packages / Validation"). */
final class KeyPackages {

    /** {@code not_before = 0}, {@code not_after = 2^64 - 1}, as TLS-encoded uint64s. */
    private static final byte[] FULL_LIFETIME = {0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1};

    private KeyPackages() {
    }

    /**
     * Decodes and validates a bare TLS-encoded key package.
     *
     * @throws DaveException {@code MLS_FAILURE} when any check fails
     */
    static KeyPackage validate(byte[] payload, long userId) {
        return Mls.locked("validate key package", () -> {
            KeyPackage kp = (KeyPackage) MLSInputStream.decode(payload, KeyPackage.class);
            if (!Arrays.equals(MLSOutputStream.encode(kp), payload)) {
                throw invalid("trailing or non-canonical bytes");
            }
            if (kp.getSuite().getSuiteID() != Mls.SUITE.getSuiteID()) {
                throw invalid("ciphersuite " + kp.getSuite().getSuiteID());
            }
            if (!kp.verify()) {
                throw invalid("bad signature");
            }
            if (DaveMlsParameters.userId(kp.getLeafNode().getCredential()) != userId) {
                throw invalid("credential does not name user " + Long.toUnsignedString(userId));
            }
            if (!Arrays.equals(MLSOutputStream.encode(kp.getLeafNode().getLifeTime()), FULL_LIFETIME)) {
                throw invalid("lifetime is not 0 .. 2^64-1");
            }
            return kp;
        });
    }

    private static DaveException invalid(String message) {
        return new DaveException(DaveException.Kind.MLS_FAILURE, "invalid key package: " + message);
    }
}
