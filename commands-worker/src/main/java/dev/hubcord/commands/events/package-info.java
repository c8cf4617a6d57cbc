/**
 * Listeners for non-command gateway events: typed {@link dev.hubcord.commands.events.GatewayEvent} records
 * (members joining, leaving and changing, messages edited and deleted, reactions, voice states, guilds), a
 * {@link dev.hubcord.commands.events.EventListener} per type, and the
 * {@link dev.hubcord.commands.events.EventDispatcher} that takes the hub's {@code DISPATCH} events, runs the
 * listeners and acknowledges each event once they returned. The worker subscribes (IDENTIFY {@code events}) to the
 * Discord events its listeners want, and only those.
 */
package dev.hubcord.commands.events;
