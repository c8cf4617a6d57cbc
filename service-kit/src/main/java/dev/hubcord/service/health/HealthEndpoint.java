package dev.hubcord.service.health;

/** Where a process serves {@code /health}, {@code /ready} and {@code /metrics}; port 0 = off. */
public record HealthEndpoint(String host, int port) {

    public boolean enabled() {
        return port > 0;
    }
}
