/**
 * Interactions as handlers see them: the {@link dev.hubcord.commands.interactions.Interaction} read from the
 * EXECUTE_COMMAND's {@code raw} (Discord's interaction object), its typed
 * {@link dev.hubcord.commands.interactions.Resolved} users, members, roles, channels and attachments, and the
 * {@link dev.hubcord.commands.interactions.Reply} a handler answers with (content, embeds, components, allowed
 * mentions, ephemeral), checked against Discord's limits before it is sent.
 */
package dev.hubcord.commands.interactions;
