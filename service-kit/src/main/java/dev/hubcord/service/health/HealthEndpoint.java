package dev.hubcord.service.health;

/** Where a process serves {@code /health}, {@code /ready} and {@code /metrics}; port -1 = off, 0 = any free one (logged). */
public record HealthEndpoint(String host, int port) {

    public boolean enabled() {
        return port >= 0;
    }
}
