package dev.hubcord.sharder.gateway;

/**
 * Which guilds a shard asks for their whole member list (op 8, {@code query:""}, {@code limit:0}) once they became
 * available, and how many such requests one shard keeps open.
 *
 * @param mode all guilds, those with at most {@code maxMembers} members, or none
 * @param maxMembers the size limit of {@link Mode#SMALL}
 * @param inFlight requests of one shard whose chunks have not all arrived yet
 * @param timeoutMs a request without its last chunk after this long is given up (Discord never answers a full-list
 *     request when the session lacks GUILD_MEMBERS), so it no longer holds an in-flight slot
 */
public record MemberRequestOptions(Mode mode, int maxMembers, int inFlight, long timeoutMs) {

    /** The {@code SHARDER_MEMBER_REQUESTS} values. */
    public enum Mode {
        ALL, SMALL, NONE
    }

    public static final MemberRequestOptions NONE = new MemberRequestOptions(Mode.NONE, 0, 1, 60_000);

    public MemberRequestOptions {
        if (inFlight < 1 || timeoutMs < 1) {
            throw new IllegalArgumentException("inFlight and timeoutMs must be positive");
        }
    }

    /** Whether a guild of {@code memberCount} members (from GUILD_CREATE) is requested. */
    public boolean wants(int memberCount) {
        return switch (mode) {
            case ALL -> true;
            case SMALL -> memberCount <= maxMembers;
            case NONE -> false;
        };
    }
}
