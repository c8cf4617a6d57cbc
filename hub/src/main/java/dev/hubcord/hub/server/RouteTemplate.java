package dev.hubcord.hub.server;

/**
 * The metrics name of a REST path: every ID segment becomes {@code {id}}
 * ({@code /v1/discord/guilds/{id}/members/{id}}), so per-route series stay few. Paths that matched
 * nothing (404 without an entity behind it, 405) are all {@code unmatched}, so a scanner cannot
 * create series.
 */
final class RouteTemplate {

    private RouteTemplate() {}

    static String of(String path, int status) {
        if (status == 405 || path.length() > 200) {
            return "unmatched";
        }
        StringBuilder out = new StringBuilder(path.length());
        int segments = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (++segments > 7) {
                return "unmatched";
            }
            out.append('/');
            out.append(isId(segment) ? "{id}" : segment.length() <= 20 && isWord(segment) ? segment : "{x}");
        }
        String route = out.toString();
        return status == 404 && !route.startsWith("/v1/discord/") ? "unmatched" : route;
    }

    private static boolean isId(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case letters and digits with at least one letter: {@code v1}, {@code voicestates}. */
    private static boolean isWord(String segment) {
        boolean letter = false;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (!(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return letter;
    }
}
