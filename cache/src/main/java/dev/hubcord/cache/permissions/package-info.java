/**
 * Discord's permission algorithm over cached entities: base permissions from the owner check,
 * {@code @everyone} and the member's roles, then a channel's overwrites in Discord's order
 * ({@code @everyone}, all role overwrites together, the member's), then the implicit rules
 * (no VIEW_CHANNEL means nothing; a text channel without SEND_MESSAGES drops what depends on it; a
 * timed-out member keeps only VIEW_CHANNEL and READ_MESSAGE_HISTORY). Pure functions: the clock
 * reading is an argument, so tests fix it.
 */
package dev.hubcord.cache.permissions;
