package dev.hubcord.hub.session;

/** What came of a RESUME. */
public sealed interface ResumeOutcome {

    /**
     * The session goes on over the new connection.
     *
     * @param replayed how many events were replayed
     * @param replaced the connection the session had until now, still open (to be closed), or {@code null}
     */
    record Resumed(int replayed, Connection replaced) implements ResumeOutcome {}

    /** The session cannot be resumed; the client gets 4009 and must IDENTIFY. */
    record Refused(String reason) implements ResumeOutcome {}
}
