package dev.hubcord.dave;

/** Constants of DAVE protocol version 1 and of the voice gateway's DAVE opcodes, as libdave defines them. */
public final class DaveProtocol {

    /** The highest protocol version this implementation speaks; send it as {@code max_dave_protocol_version}. */
    public static final int MAX_PROTOCOL_VERSION = 1;
    /** Protocol version 0: no end-to-end encryption, frames pass through. */
    public static final int DISABLED_VERSION = 0;
    /** Transition id 0 means "execute now" (initialisation, sole-member reset). */
    public static final int INIT_TRANSITION_ID = 0;
    /** An op 24 with this epoch announces a new (re-created) group. */
    public static final long NEW_GROUP_EPOCH = 1;

    /** How long receivers keep keys of previous epochs and generations: libdave's {@code kCryptorExpiry}. */
    public static final long KEY_RETENTION_NANOS = 10_000_000_000L;

    public static final int OP_PREPARE_TRANSITION = 21;
    public static final int OP_EXECUTE_TRANSITION = 22;
    public static final int OP_TRANSITION_READY = 23;
    public static final int OP_PREPARE_EPOCH = 24;
    public static final int OP_MLS_EXTERNAL_SENDER = 25;
    public static final int OP_MLS_KEY_PACKAGE = 26;
    public static final int OP_MLS_PROPOSALS = 27;
    public static final int OP_MLS_COMMIT_WELCOME = 28;
    public static final int OP_MLS_ANNOUNCE_COMMIT_TRANSITION = 29;
    public static final int OP_MLS_WELCOME = 30;
    public static final int OP_MLS_INVALID_COMMIT_WELCOME = 31;

    private DaveProtocol() {
    }
}
