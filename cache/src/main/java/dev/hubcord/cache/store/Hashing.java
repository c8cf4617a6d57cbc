package dev.hubcord.cache.store;

/** Spreads snowflakes, whose low bits are a per-process counter, over stripes and segments. */
final class Hashing {

    private Hashing() {
    }

    /** Stafford variant 13 of the 64-bit finaliser (as in SplittableRandom). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
