package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.hub.session.HeartbeatStats;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.session.SessionRegistry;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.codec.Json;
import java.lang.management.ManagementFactory;

/**
 * Lavalink's stats object. The hub is the "node": players and frame counts are the sums of what the connected audio
 * workers last reported in their heartbeats (frames of the last complete minute; {@code frameStats} is null until a
 * worker has one), memory and CPU are the hub's own process (where the client's requests are handled).
 */
final class LavalinkStats {

    private final SessionRegistry sessions;

    LavalinkStats(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /** The stats object; with {@code op: "stats"} for the WebSocket when {@code op} is set. */
    ObjectNode build(boolean op) {
        ObjectNode s = Json.mapper().createObjectNode();
        if (op) {
            s.put("op", "stats");
        }
        long players = 0;
        long playing = 0;
        long sent = 0;
        long nulled = 0;
        long deficit = 0;
        boolean frames = false;
        for (Session worker : sessions.ofType(ServiceType.AUDIO)) {
            HeartbeatStats h = worker.stats();
            players += Math.max(0, h.players());
            playing += Math.max(0, h.playingPlayers());
            if (h.framesSent() >= 0) {
                frames = true;
                sent += h.framesSent();
                nulled += Math.max(0, h.framesNulled());
                deficit += Math.max(0, h.framesDeficit());
            }
        }
        s.put("players", players);
        s.put("playingPlayers", playing);
        s.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime());
        Runtime rt = Runtime.getRuntime();
        ObjectNode memory = s.putObject("memory");
        memory.put("free", rt.freeMemory());
        memory.put("used", rt.totalMemory() - rt.freeMemory());
        memory.put("allocated", rt.totalMemory());
        memory.put("reservable", rt.maxMemory());
        ObjectNode cpu = s.putObject("cpu");
        cpu.put("cores", rt.availableProcessors());
        double system = 0;
        double process = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            system = Math.max(0, os.getCpuLoad());
            process = Math.max(0, os.getProcessCpuLoad());
        }
        cpu.put("systemLoad", system);
        cpu.put("lavalinkLoad", process);
        if (frames) {
            ObjectNode f = s.putObject("frameStats");
            f.put("sent", sent);
            f.put("nulled", nulled);
            f.put("deficit", deficit);
        } else {
            s.putNull("frameStats");
        }
        return s;
    }
}
