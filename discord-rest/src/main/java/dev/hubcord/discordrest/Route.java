package dev.hubcord.discordrest;

import java.util.Locale;

/**
 * Where a request goes, and how Discord limits it: {@code key} is the route with its IDs replaced (the major
 * parameter aside), {@code major} the major parameter (channel, guild, webhook ID plus token, or interaction ID),
 * so a bucket is {@code (bucket hash or key, major)}.
 *
 * @param method the HTTP method
 * @param path the path below the API base, with IDs filled in, starting with {@code /}
 * @param key the rate-limit route key, e.g. {@code POST /channels/:id/messages}
 * @param major the major parameter, e.g. {@code channel:1234}; {@code global} when there is none
 * @param globalExempt interaction callbacks and webhooks (which need no bot token) are exempt from the global limit
 */
public record Route(String method, String path, String key, String major, boolean globalExempt) {

    /** A route for a method and a concrete path such as {@code /channels/123/messages}. */
    public static Route of(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        String[] s = path.replaceFirst("^/", "").split("/");
        String major = "global";
        boolean exempt = false;
        StringBuilder key = new StringBuilder(m).append(' ');
        for (int i = 0; i < s.length; i++) {
            String seg = s[i];
            String prev = i > 0 ? s[i - 1] : "";
            boolean firstPair = i == 1 && !major.contains(":");
            if (firstPair && (prev.equals("channels") || prev.equals("guilds"))) {
                major = prev.substring(0, prev.length() - 1) + ":" + seg;
                key.append('/').append(prev.equals("channels") ? ":channel" : ":guild");
            } else if (firstPair && prev.equals("webhooks")) {
                major = "webhook:" + seg + (s.length > 2 ? "/" + s[2] : "");
                exempt = true;
                key.append("/:webhook");
            } else if (firstPair && prev.equals("interactions")) {
                // Each interaction's callback is its own burst route (discord.js does the same).
                major = "interaction:" + seg;
                exempt = true;
                key.append("/:interaction");
            } else if (i == 2 && (s[0].equals("webhooks") || s[0].equals("interactions"))) {
                key.append("/:token");
            } else if (prev.equals("reactions")) {
                key.append("/:reaction");
                break;
            } else if (isId(seg)) {
                key.append("/:id");
            } else {
                key.append('/').append(seg);
            }
        }
        return new Route(m, path.startsWith("/") ? path : "/" + path, key.toString(), major, exempt);
    }

    /** Whether the request carries {@code Authorization: Bot}: not for the token-keyed interaction routes. */
    public boolean needsAuth() {
        return !globalExempt;
    }

    private static boolean isId(String seg) {
        if (seg.isEmpty() || seg.length() > 20) {
            return false;
        }
        for (int i = 0; i < seg.length(); i++) {
            if (!Character.isDigit(seg.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
