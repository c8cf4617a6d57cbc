package dev.hubcord.hub.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics names of REST paths, one instance per server: every ID segment becomes {@code {id}}
 * ({@code /v1/discord/guilds/{id}/members/{id}}), other segments that are not short lower-case
 * words become {@code {x}}, so per-route series stay few. Paths that matched nothing (405, a 404
 * outside {@code /v1/discord/}, more than {@value #MAX_SEGMENTS} segments) are all
 * {@code unmatched}, and so is every new template once {@value #MAX_TEMPLATES} exist, so a scanner
 * cannot create series.
 *
 * <p>This runs for every request, so a path is reduced to a 64-bit FNV-1a hash of its template in
 * one pass without allocating, and the template's string is built only the first time that hash
 * is seen. (Two templates with one hash would share a series; with a few dozen templates the
 * chance is about 1e-16.)
 */
final class RouteTemplates {

    static final String UNMATCHED = "unmatched";
    static final int MAX_SEGMENTS = 7;
    static final int MAX_TEMPLATES = 256;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final String DISCORD_PREFIX = "/v1/discord/";

    private final Map<Long, String> templates = new ConcurrentHashMap<>();

    /** The route of {@code path} answered with {@code status}. */
    String of(String path, int status) {
        if (status == 405 || path.length() > 200) {
            return UNMATCHED;
        }
        long hash = FNV_OFFSET;
        int segments = 0;
        int n = path.length();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                if (i > start) {
                    if (++segments > MAX_SEGMENTS) {
                        return UNMATCHED;
                    }
                    hash = mix(hash, '/');
                    if (isId(path, start, i)) {
                        hash = mix(hash, '\u0001');
                    } else if (isWord(path, start, i)) {
                        for (int c = start; c < i; c++) {
                            hash = mix(hash, path.charAt(c));
                        }
                    } else {
                        hash = mix(hash, '\u0002');
                    }
                }
                start = i + 1;
            }
        }
        String route = templates.get(hash);
        if (route == null) {
            if (templates.size() >= MAX_TEMPLATES) {
                return UNMATCHED;
            }
            route = templates.computeIfAbsent(hash, h -> build(path));
        }
        return status == 404 && !route.startsWith(DISCORD_PREFIX) ? UNMATCHED : route;
    }

    /** How many templates exist (at most {@value #MAX_TEMPLATES}). */
    int size() {
        return templates.size();
    }

    private static long mix(long hash, char c) {
        return (hash ^ c) * FNV_PRIME;
    }

    /** The template's text; the rules match the hash's. */
    private static String build(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int n = path.length();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                if (i > start) {
                    out.append('/');
                    if (isId(path, start, i)) {
                        out.append("{id}");
                    } else if (isWord(path, start, i)) {
                        out.append(path, start, i);
                    } else {
                        out.append("{x}");
                    }
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static boolean isId(String path, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(path.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** At most 20 lower-case letters and digits with at least one letter: {@code v1}, {@code voicestates}. */
    private static boolean isWord(String path, int from, int to) {
        if (to - from > 20) {
            return false;
        }
        boolean letter = false;
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (!(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return letter;
    }
}
