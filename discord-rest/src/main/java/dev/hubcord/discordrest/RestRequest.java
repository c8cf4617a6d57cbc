package dev.hubcord.discordrest;

/**
 * One call: the route, an optional JSON body (anything Jackson can write), an optional audit-log reason (sent
 * URL-encoded in {@code X-Audit-Log-Reason}, cut to Discord's 512 characters), and whether it may be repeated after
 * an unknown outcome (by default per method, see {@link Replay#forMethod}).
 */
public record RestRequest(Route route, Object body, String auditReason, String query, Replay replay) {

    public static RestRequest of(String method, String path) {
        return new RestRequest(Route.of(method, path), null, null, null, Replay.forMethod(method));
    }

    public RestRequest withBody(Object newBody) {
        return new RestRequest(route, newBody, auditReason, query, replay);
    }

    public RestRequest withReason(String reason) {
        return new RestRequest(route, body, reason, query, replay);
    }

    /** A raw query string without {@code ?}, e.g. {@code with_response=true}. */
    public RestRequest withQuery(String newQuery) {
        return new RestRequest(route, body, auditReason, newQuery, replay);
    }

    /** Declares how the request may be repeated (the caller knows what the route does). */
    public RestRequest withReplay(Replay newReplay) {
        return new RestRequest(route, body, auditReason, query, newReplay);
    }
}
