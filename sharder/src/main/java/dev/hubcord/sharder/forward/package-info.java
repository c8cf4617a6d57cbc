/**
 * What the sharder forwards to the hub: Discord dispatches become op 5 cache entities in the
 * contract's camelCase shapes, EXECUTE_COMMAND, voice events and raw DISPATCH events; the
 * {@link dev.hubcord.sharder.forward.GuildMirror} remembers each guild compactly so the whole guild
 * can be sent again when the hub lost it or the send buffer overflowed.
 */
package dev.hubcord.sharder.forward;
