package dev.hubcord.service.boot;

/** The exit codes every hubcord process uses; a service may add its own above these (the sharder's 3). */
public final class ExitCode {

    /** Stopped by a signal after a clean shutdown, or {@code --help}. */
    public static final int OK = 0;
    /** Could not start or stopped on its own because of an error. */
    public static final int FAILURE = 1;
    /** A setting or flag is not allowed; one line on stderr says which. */
    public static final int BAD_SETTINGS = 2;

    private ExitCode() {
    }
}
