package dev.hubcord.commands.discord;

/**
 * One call: the route, an optional JSON body (anything Jackson can write), and an optional audit-log reason
 * (sent URL-encoded in {@code X-Audit-Log-Reason}, cut to Discord's 512 characters).
 */
public record RestRequest(Route route, Object body, String auditReason, String query) {

    public static RestRequest of(String method, String path) {
        return new RestRequest(Route.of(method, path), null, null, null);
    }

    public RestRequest withBody(Object newBody) {
        return new RestRequest(route, newBody, auditReason, query);
    }

    public RestRequest withReason(String reason) {
        return new RestRequest(route, body, reason, query);
    }

    /** A raw query string without {@code ?}, e.g. {@code with_response=true}. */
    public RestRequest withQuery(String newQuery) {
        return new RestRequest(route, body, auditReason, newQuery);
    }
}
