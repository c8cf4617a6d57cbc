/**
 * Embeds: {@link dev.hubcord.commands.embed.EmbedBuilder} builds an {@link dev.hubcord.commands.embed.Embed} and
 * checks Discord's limits as it goes, so an embed Discord would refuse (a 400 after the command did its work) fails
 * in the command instead, with an {@link dev.hubcord.commands.embed.EmbedLimitException} naming the limit.
 */
package dev.hubcord.commands.embed;
