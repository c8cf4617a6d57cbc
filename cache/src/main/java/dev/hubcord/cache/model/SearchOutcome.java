package dev.hubcord.cache.model;

import java.util.List;

/**
 * The answer of a member search run with a work budget: the members found, a guild the cache does
 * not hold, or a search that ran out of budget before it was done (the caller runs it again
 * without a budget, off its event loop).
 */
public sealed interface SearchOutcome {

    record Found(List<Member> members) implements SearchOutcome {
        public Found {
            members = List.copyOf(members);
        }
    }

    record UnknownGuild() implements SearchOutcome {
    }

    record OverBudget() implements SearchOutcome {
    }
}
