package dev.hubcord.cache.store;

import dev.hubcord.cache.ingest.GuildDraft;

/** A guild's own fields, replaced as a whole on each guild payload (absent fields keep their value). */
record GuildInfo(long id, String name, String icon, long ownerId, String region, int memberCount, boolean unavailable) {

    static GuildInfo merge(GuildInfo old, GuildDraft d) {
        GuildInfo o = old != null ? old : new GuildInfo(d.id(), null, null, 0, null, -1, false);
        return new GuildInfo(d.id(), d.name() != null ? d.name() : o.name(), d.hasIcon() ? d.icon() : o.icon(),
                d.ownerId() != null ? d.ownerId() : o.ownerId(), d.region() != null ? d.region() : o.region(),
                d.memberCount() != null ? d.memberCount() : o.memberCount(),
                d.unavailable() != null ? d.unavailable() : o.unavailable());
    }
}
