package dev.hubcord.cache.ingest;

/**
 * A user as sent. A null {@code username} or {@code bot} and a {@code discriminator} of -1 were
 * absent; nullable fields carry a {@code has*} flag so that an explicit null can clear them.
 */
public record UserDraft(long id, String username, int discriminator, String globalName, boolean hasGlobalName,
                        String avatar, boolean hasAvatar, Boolean bot) {

    /** A user payload with every field present, so nothing needs merging with an older record. */
    public boolean complete() {
        return username != null && discriminator >= 0 && hasGlobalName && hasAvatar && bot != null;
    }
}
