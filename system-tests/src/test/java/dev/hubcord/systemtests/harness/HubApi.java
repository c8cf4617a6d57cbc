package dev.hubcord.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** The hub as an operator sees it: its REST API and {@code /metrics}. */
public final class HubApi {

    private final Http http;

    public HubApi(int port, String secret) {
        this.http = new Http("http://127.0.0.1:" + port, secret);
    }

    public boolean healthy() {
        try {
            return http.get("/health").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public JsonNode get(String path) {
        return http.get(path).ok().json();
    }

    public JsonNode services() {
        return get("/v1/services");
    }

    /** Connected services of a type ({@code sharder}, {@code commands}, {@code audio}). */
    public int connected(String type) {
        int n = 0;
        for (JsonNode s : services()) {
            if (s.path("type").asText().equals(type) && s.path("connected").asBoolean(true)) {
                n++;
            }
        }
        return n;
    }

    public JsonNode shards() {
        return get("/v1/shards");
    }

    /**
     * Every series on {@code /metrics}, by its full name with labels as printed (e.g.
     * {@code hub_acks_pending{type="commands"}}).
     */
    public Map<String, Double> metrics() {
        Map<String, Double> out = new HashMap<>();
        for (String line : http.get("/metrics").ok().body().split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return out;
    }

    /** The sum of every series of a metric, whatever its labels; fails when the hub has no such metric. */
    public double metric(String name) {
        double sum = 0;
        boolean found = false;
        for (Map.Entry<String, Double> e : metrics().entrySet()) {
            String key = e.getKey();
            if (key.equals(name) || key.startsWith(name + "{")) {
                sum += e.getValue();
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("the hub's /metrics has no " + name);
        }
        return sum;
    }
}
