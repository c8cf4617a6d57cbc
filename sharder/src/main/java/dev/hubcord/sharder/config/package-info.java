/**
 * The sharder's settings. Each has one name used everywhere: the environment variable
 * ({@code DISCORD_TOKEN}, {@code HUB_URL}, ...), the same key in a properties file, and a flag
 * ({@code --token}); flags beat the environment, which beats the file, which beats the defaults.
 */
package dev.hubcord.sharder.config;
