package dev.hubcord.discordsim.rest;

import java.util.HashMap;
import java.util.Map;

/**
 * One REST route: method, template (path below {@code /api/v10}, {@code {name}} segments capture), its rate-limit
 * bucket (null = unlimited), whether it needs {@code Authorization: Bot <token>}, and whether it is exempt from the
 * global limit (interaction callbacks and webhooks are).
 */
record Route(String method, String template, String bucket, boolean auth, boolean globalExempt, Handler handler) {

    /** Handles a matched request; {@code params} holds the captured template segments. */
    @FunctionalInterface
    interface Handler {
        RestExchange.Response handle(RestExchange.Request request, Map<String, String> params);
    }

    /** Captured parameters if {@code path} (relative, no leading slash) fits the template, else null. */
    Map<String, String> match(String path) {
        String[] want = template.split("/");
        String[] got = path.split("/");
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return params;
    }

    /**
     * The major parameter, as discord.js keys buckets: the channel, guild, or webhook id plus token; interaction
     * callbacks are keyed per interaction; everything else shares "global".
     */
    static String majorParameter(Map<String, String> params) {
        if (params.containsKey("channel_id")) {
            return "channel:" + params.get("channel_id");
        }
        if (params.containsKey("guild_id")) {
            return "guild:" + params.get("guild_id");
        }
        if (params.containsKey("webhook_id")) {
            return "webhook:" + params.get("webhook_id") + "/" + params.get("webhook_token");
        }
        if (params.containsKey("interaction_id")) {
            return "interaction:" + params.get("interaction_id");
        }
        return "global";
    }
}
