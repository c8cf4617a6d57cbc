package dev.hubcord.sharder.forward;

/**
 * The bot's user and application IDs, learned from READY (and USER_UPDATE); read by the hub IDENTIFY's
 * gateway hint and by mention detection. Null until the first READY.
 */
public final class BotIdentity {

    private volatile String userId;
    private volatile String applicationId;

    public String userId() {
        return userId;
    }

    public String applicationId() {
        return applicationId;
    }

    void learned(String user, String application) {
        if (user != null && !user.isEmpty()) {
            userId = user;
        }
        if (application != null && !application.isEmpty()) {
            applicationId = application;
        }
    }
}
