package dev.hubcord.discordsim.payload;

import java.util.List;

/**
 * Differences from the real captures that {@link CaptureShapeTest} accepts, each with its reason. A pattern is a
 * path as the differences print it ({@code $.d.channels[].nsfw}); {@code *} at its start matches any prefix, for
 * objects that appear in many places (users, members). An entry applies to one kind of payload, or to all (null).
 */
final class CaptureAllowList {

    /** The capture has the field, the simulator does not send it. */
    private record Missing(String kind, String pattern, String reason) {}

    /** The simulator sends a field this capture does not have (nor any other capture of the same kind). */
    private record Extra(String kind, String pattern, String reason) {}

    private static final List<Missing> MISSING = List.of(
            new Missing("GUILD_CREATE", "$.d.application_command_counts.1",
                    "undocumented count of the application's slash commands (type 1); the simulator registers no"
                            + " commands at GUILD_CREATE time and sends {} (no bot library reads it)"),
            new Missing("GUILD_CREATE", "$.d.channels[].last_pin_timestamp",
                    "only on channels that ever had a pinned message (one channel of the 2023 capture); the"
                            + " simulator has no pins"),
            new Missing(null, "*.user.avatar_decoration",
                    "retired user key of 2023 captures, replaced by avatar_decoration_data (which the simulator"
                            + " sends, as the 2024 and 2026 captures do)"),
            new Missing(null, "*.user.display_name",
                    "retired user key of 2023 captures, replaced by global_name (which the simulator sends)"));

    private static final List<Extra> EXTRA = List.of(
            // User and member keys Discord added after the older captures were taken; the 2026 MESSAGE_CREATE
            // and the 2024 INTERACTION_CREATE captures carry them, so a current Discord sends them.
            new Extra(null, "*.user.collectibles", "in the 2026 MESSAGE_CREATE capture's author"),
            new Extra(null, "*.user.display_name_styles", "in the 2026 MESSAGE_CREATE capture's author"),
            new Extra(null, "*.user.primary_guild", "in the 2026 MESSAGE_CREATE capture's author"),
            new Extra(null, "*.user.avatar_decoration_data", "in the 2024 and 2026 captures' users"),
            new Extra(null, "*.user.clan", "in the 2024 and 2026 captures' users"),
            new Extra("READY", "$.d.user.public_flags",
                    "documented user field; absent from both READY captures' own user but sent for every other"
                            + " user, and libraries read it optionally"),
            new Extra(null, "*.member.banner", "in the 2026 MESSAGE_CREATE capture's member"),
            new Extra(null, "*.members[].banner", "in the 2026 MESSAGE_CREATE capture's member"),
            new Extra(null, "*.member.unusual_dm_activity_until", "in the 2024 INTERACTION_CREATE capture's member"),
            new Extra(null, "*.members[].unusual_dm_activity_until",
                    "in the 2024 INTERACTION_CREATE capture's member"),
            new Extra("GUILD_CREATE", "$.d.roles[].colors", "role colours object Discord added in 2025"),
            new Extra("GUILD_CREATE", "$.d.roles[].tags.premium_subscriber",
                    "the booster role's tag (null-valued key); the captured guilds have no booster role"),
            new Extra("GUILD_CREATE", "$.d.soundboard_sounds", "GUILD_CREATE key since 2024, after both captures"),
            new Extra("GUILD_CREATE", "$.d.max_presences", "documented guild field (null = default limit)"),
            new Extra("INTERACTION_CREATE", "$.d.context", "documented interaction field since 2024 (0 = guild)"),
            new Extra("INTERACTION_CREATE", "$.d.authorizing_integration_owners",
                    "documented interaction field since 2024 (user-installable apps)"),
            new Extra("INTERACTION_CREATE", "$.d.attachment_size_limit", "documented interaction field since 2024"));

    private CaptureAllowList() {}

    static boolean missingAllowed(String kind, String path) {
        return MISSING.stream().anyMatch(m -> applies(m.kind(), m.pattern(), kind, path));
    }

    static boolean extraAllowed(String kind, String path) {
        return EXTRA.stream().anyMatch(e -> applies(e.kind(), e.pattern(), kind, path));
    }

    private static boolean applies(String entryKind, String pattern, String kind, String path) {
        if (entryKind != null && !entryKind.equals(kind)) {
            return false;
        }
        return pattern.startsWith("*") ? path.endsWith(pattern.substring(1)) : path.equals(pattern);
    }
}
