package dev.hubcord.commands.store;

/** The database failed (cannot open the file, a statement failed). */
public final class StoreException extends RuntimeException {

    /** Why. */
    public enum Kind {
        OPEN,
        QUERY
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
