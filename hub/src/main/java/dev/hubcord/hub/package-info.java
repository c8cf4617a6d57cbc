/**
 * The hub process: {@link dev.hubcord.hub.HubServer} binds the one port and owns the event loops and
 * the core; {@link dev.hubcord.hub.HubMain} reads the settings and runs it until SIGTERM, when every
 * client is closed with 1001.
 */
package dev.hubcord.hub;
