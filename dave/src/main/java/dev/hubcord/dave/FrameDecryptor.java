package dev.hubcord.dave;

import dev.hubcord.dave.frame.FrameCipher;
import dev.hubcord.dave.frame.FrameFormat;
import dev.hubcord.dave.frame.ProtocolFrame;
import dev.hubcord.dave.ratchet.CryptorManager;
import dev.hubcord.dave.ratchet.KeyRatchet;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Receive-side DAVE transform for one remote sender (codec-unaware, as the whitepaper requires).
 *
 * <p>Holds one {@link CryptorManager} per epoch the sender was seen in; a transition to a new epoch keeps the previous
 * ones for 10 s so frames in flight still decrypt, newest tried first. Passthrough: at protocol version 0 frames that
 * fail the protocol frame check pass unchanged; leaving version 0 keeps that allowance for 10 s more. The Opus silence
 * frame {@code F8 FF FE} always passes. Thread-safe.
 */
public final class FrameDecryptor {

    private final long userId;
    private final DaveClock clock;
    private final ArrayDeque<CryptorManager> managers = new ArrayDeque<>();
    private boolean passthroughForever;
    private long passthroughUntil;
    private boolean passthroughUntilSet;

    FrameDecryptor(long userId, DaveClock clock) {
        this.userId = userId;
        this.clock = clock;
    }

    /** The sender this decryptor belongs to. */
    public long userId() {
        return userId;
    }

    /** 0 while in passthrough mode, 1 otherwise. */
    public synchronized int protocolVersion() {
        return passthroughForever ? DaveProtocol.DISABLED_VERSION : DaveProtocol.MAX_PROTOCOL_VERSION;
    }

    /** Adds a new epoch's ratchet ({@code null}: none) and limits the older epochs to 10 more seconds. */
    synchronized void transitionToKeyRatchet(KeyRatchet ratchet) {
        long expiry = clock.nanos() + DaveProtocol.KEY_RETENTION_NANOS;
        for (CryptorManager m : managers) {
            m.expireAt(expiry);
        }
        if (ratchet != null) {
            managers.addLast(new CryptorManager(clock, ratchet));
        }
    }

    /** Enables passthrough, or ends it 10 s from now. */
    synchronized void transitionToPassthrough(boolean enable) {
        if (enable) {
            passthroughForever = true;
        } else if (passthroughForever) {
            passthroughForever = false;
            passthroughUntil = clock.nanos() + DaveProtocol.KEY_RETENTION_NANOS;
            passthroughUntilSet = true;
        }
    }

    private boolean passthroughAllowed() {
        return passthroughForever || (passthroughUntilSet && passthroughUntil - clock.nanos() > 0);
    }

    /** Decrypts one frame into a new array. */
    public byte[] decrypt(byte[] frame) {
        byte[] out = new byte[frame.length];
        int n = decrypt(frame, 0, frame.length, out, 0);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /**
     * Decrypts (or passes through) {@code frame[off, off+len)} into {@code out}; {@code out} needs {@code len} bytes.
     *
     * @return bytes written
     * @throws DaveException {@code NOT_ENCRYPTED}, {@code MISSING_KEY_RATCHET}, {@code MISSING_CRYPTOR},
     *     {@code INVALID_NONCE} or {@code DECRYPTION_FAILED}; these carry no stack trace
     */
    public synchronized int decrypt(byte[] frame, int off, int len, byte[] out, int outOff) {
        if (out.length - outOff < len) {
            throw new DaveException(DaveException.Kind.BUFFER_TOO_SMALL, "need " + len + " bytes");
        }
        if (FrameFormat.isOpusSilence(frame, off, len)) {
            System.arraycopy(frame, off, out, outOff, len);
            return len;
        }
        while (!managers.isEmpty() && managers.peekFirst().isExpired()) {
            managers.pollFirst();
        }
        ProtocolFrame parsed = FrameFormat.parse(frame, off, len);
        if (parsed == null) {
            if (passthroughAllowed()) {
                System.arraycopy(frame, off, out, outOff, len);
                return len;
            }
            throw new DaveException(DaveException.Kind.NOT_ENCRYPTED, "frame from " + userId
                    + " is not a DAVE frame and passthrough is off");
        }
        FrameInput input = FrameInput.of(frame, parsed);
        DaveException.Kind failure = DaveException.Kind.MISSING_KEY_RATCHET;
        for (Iterator<CryptorManager> it = managers.descendingIterator(); it.hasNext(); ) {
            CryptorManager manager = it.next();
            int n = tryDecrypt(manager, frame, parsed, input, out, outOff);
            if (n >= 0) {
                return input.reconstruct(frame, parsed, out, outOff, n);
            }
            failure = KINDS[-n - 1];
        }
        throw new DaveException(failure, "cannot decrypt frame from " + userId + " (nonce "
                + Integer.toUnsignedString(parsed.truncatedNonce()) + ")");
    }

    private static final DaveException.Kind[] KINDS = {
        DaveException.Kind.INVALID_NONCE, DaveException.Kind.MISSING_CRYPTOR, DaveException.Kind.DECRYPTION_FAILED
    };

    /** Plaintext length, or -1 invalid nonce, -2 missing cryptor, -3 authentication failure. */
    private static int tryDecrypt(CryptorManager manager, byte[] frame, ProtocolFrame parsed, FrameInput input,
            byte[] out, int outOff) {
        int nonce = parsed.truncatedNonce();
        long generation = manager.wrappedGeneration(parsed.generation());
        if (!manager.canProcessNonce(generation, nonce)) {
            return -1;
        }
        FrameCipher cipher = manager.cryptor(generation);
        if (cipher == null) {
            return -2;
        }
        int n = input.decrypt(cipher, frame, parsed, out, outOff);
        if (n < 0) {
            return -3;
        }
        manager.reportSuccess(generation, nonce);
        return n;
    }
}
