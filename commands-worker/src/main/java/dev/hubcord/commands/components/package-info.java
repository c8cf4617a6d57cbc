/**
 * Message components and modals: builders for action rows, buttons, the five select menus, text inputs and modals,
 * and the components v2 layout (text display, section, thumbnail, media gallery, file, separator, container) that
 * a message opts into with {@code IS_COMPONENTS_V2}; {@link dev.hubcord.commands.components.CustomId}, the
 * custom-ID scheme that routes a click to a {@link dev.hubcord.commands.components.ComponentHandler} in any
 * worker. Every builder checks Discord's limits when it builds, not when Discord refuses the message.
 */
package dev.hubcord.commands.components;
