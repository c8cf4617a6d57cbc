/**
 * Settings declared once. Each service lists its settings in an enum implementing {@link
 * dev.hubcord.service.settings.SettingKey}; each constant carries a {@link dev.hubcord.service.settings.Decl} (type,
 * default, unit, validation) and its meaning. From that one declaration come the command-line flags, the environment
 * and properties-file keys, {@code --help}, the README table and the validation of every value, so they cannot drift.
 */
package dev.hubcord.service.settings;
