package dev.hubcord.cache;

import java.time.Clock;

/**
 * Settings of a {@link DiscordCache}.
 *
 * @param memberBudget     members held before Caffeine evicts least recently used member segments
 * @param orphanUserBudget users held that no cached membership references (users pushed alone)
 * @param userStripes      stripes of the user table (rounded down to a power of two)
 * @param clock            the clock that decides whether a member's timeout is still running
 */
public record CacheConfig(long memberBudget, long orphanUserBudget, int userStripes, Clock clock) {

    public static final long DEFAULT_MEMBER_BUDGET = 10_000_000;
    public static final long DEFAULT_ORPHAN_USER_BUDGET = 100_000;
    public static final int DEFAULT_USER_STRIPES = 4096;

    public CacheConfig {
        if (memberBudget < 0 || orphanUserBudget < 0 || userStripes < 1) {
            throw new IllegalArgumentException("budgets must be >= 0 and stripes >= 1");
        }
    }

    public static CacheConfig defaults() {
        return new CacheConfig(DEFAULT_MEMBER_BUDGET, DEFAULT_ORPHAN_USER_BUDGET, DEFAULT_USER_STRIPES, Clock.systemUTC());
    }

    public CacheConfig withMemberBudget(long budget) {
        return new CacheConfig(budget, orphanUserBudget, userStripes, clock);
    }

    public CacheConfig withOrphanUserBudget(long budget) {
        return new CacheConfig(memberBudget, budget, userStripes, clock);
    }

    public CacheConfig withClock(Clock c) {
        return new CacheConfig(memberBudget, orphanUserBudget, userStripes, c);
    }
}
