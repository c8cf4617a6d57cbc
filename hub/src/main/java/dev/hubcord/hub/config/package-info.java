/**
 * The hub's settings. Each has one name used everywhere: the environment variable
 * ({@code HUB_PORT}), the same key in a properties file, and a flag ({@code --port}); flags beat the
 * environment, which beats the file, which beats the defaults.
 */
package dev.hubcord.hub.config;
