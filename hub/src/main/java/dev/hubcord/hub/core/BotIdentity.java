package dev.hubcord.hub.core;

import dev.hubcord.hub.routing.Router;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.session.SessionRegistry;
import dev.hubcord.protocol.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's user and application IDs, once a sharder has reported them (in IDENTIFY, or in SHARD_STATUS after
 * Discord's READY). Learnt once per hub process; every client is told with BOT_INFO when they become known.
 */
final class BotIdentity {

    private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);

    private final SessionRegistry sessions;
    private final Router router;
    private volatile HubCore.BotInfo info;

    BotIdentity(SessionRegistry sessions, Router router) {
        this.sessions = sessions;
        this.router = router;
    }

    HubCore.BotInfo info() {
        return info;
    }

    /**
     * Adopts the IDs the first time they are reported.
     *
     * @return whether they were new: then the caller tells the clients with {@link #announce} once the reporting
     *     session is registered
     */
    boolean learn(String userId, String applicationId) {
        if (userId == null || applicationId == null) {
            return false;
        }
        synchronized (this) {
            if (info != null) {
                return false;
            }
            info = new HubCore.BotInfo(userId, applicationId);
        }
        log.info("bot is user {} (application {})", userId, applicationId);
        return true;
    }

    /** Sends BOT_INFO to every client but {@code skip} (which got the IDs in its IDENTIFIED). */
    void announce(Session skip) {
        for (Session other : sessions.all()) {
            if (other != skip) {
                router.sendDirect(other, EventType.BOT_INFO, info);
            }
        }
    }
}
