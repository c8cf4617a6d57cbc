package dev.hubcord.service.boot;

/** Thrown by a service's start when it cannot run: the process exits with {@code exitCode} and the message logged. */
public final class StartFailure extends Exception {

    private final int exitCode;

    public StartFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
