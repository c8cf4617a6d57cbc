/**
 * The one start-up every hubcord process shares ({@link dev.hubcord.service.boot.ServiceBoot}): settings layering,
 * logging, health and metrics, signal handling, shutdown order and exit codes. A service gives a {@link
 * dev.hubcord.service.boot.ServiceDefinition}: its settings, how they become its config, and how it starts.
 */
package dev.hubcord.service.boot;
