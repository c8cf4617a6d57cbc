package dev.hubcord.dave.mls;

import dev.hubcord.dave.DaveException;
import java.util.concurrent.locks.ReentrantLock;
import org.bouncycastle.mls.crypto.MlsCipherSuite;

/**
 * Entry point to BouncyCastle MLS for this module: the DAVE v1 ciphersuite and one process-wide lock.
 *
 * <p>Why a global lock: bcmls hands out one shared {@link MlsCipherSuite} instance per suite id (also when decoding
 * key packages and welcomes), and that instance keeps a single stateful SHA-256 digest for its {@code hash} and
 * {@code refHash}. Two threads using MLS at once, e.g. two voice connections, or a session and the simulator's
 * delivery service, could corrupt each other's hashes. MLS operations are rare (joins, leaves, epoch changes), so
 * serialising them costs nothing measurable; the media path never takes this lock.
 */
public final class Mls {

    /** DAVE v1: {@code MLS_128_DHKEMP256_AES128GCM_SHA256_P256} (ciphersuite 2). */
    public static final MlsCipherSuite SUITE = MlsCipherSuite.BCMLS_128_DHKEMP256_AES128GCM_SHA256_P256;

    private static final ReentrantLock LOCK = new ReentrantLock();

    private Mls() {
    }

    /** Work that may throw bcmls' checked exceptions. */
    @FunctionalInterface
    public interface MlsCall<T> {
        T call() throws Exception;
    }

    /**
     * Runs {@code call} under the MLS lock; any failure other than a {@link DaveException} becomes one of kind
     * {@code MLS_FAILURE} with {@code what} as message and the original as cause.
     */
    public static <T> T locked(String what, MlsCall<T> call) {
        LOCK.lock();
        try {
            return call.call();
        } catch (DaveException e) {
            throw e;
        } catch (Exception | LinkageError | AssertionError e) {
            // bcmls reports bad input as Exception, IOException, or unchecked array/index errors from its decoders
            throw new DaveException(DaveException.Kind.MLS_FAILURE, what + ": " + e, e);
        } finally {
            LOCK.unlock();
        }
    }
}
