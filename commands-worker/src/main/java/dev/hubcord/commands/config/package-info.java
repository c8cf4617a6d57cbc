/**
 * The worker's settings: one {@link dev.hubcord.commands.config.Setting} per environment variable, resolved from a
 * properties file, the environment and command-line flags (later layers win) into a checked
 * {@link dev.hubcord.commands.config.WorkerConfig}, the same layering as the hub's.
 */
package dev.hubcord.commands.config;
