package dev.hubcord.hub.testing;

/** Reads one figure of the hub's own {@code /metrics} exposition (the first series of that name). */
public final class Metrics {

    private Metrics() {}

    /** The value of the first sample whose name is {@code name} (with or without labels), or NaN when absent. */
    public static double value(TestHub hub, String name) {
        for (String line : hub.server().core().metrics().scrape().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }
}
