/**
 * Settings as every hubcord process reads them: a default per key, overridden by a file, then the environment, then
 * command-line flags, each value trimmed and blank values ignored; and typed readers whose error messages say the key,
 * the allowed range and the bad value the same way in every service. Each service keeps its own keys (an enum) and its
 * own exception type.
 */
package dev.hubcord.protocol.settings;
