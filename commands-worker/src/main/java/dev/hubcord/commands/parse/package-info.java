/**
 * Turning a command's raw text ({@code minemidnight#0001 spamming -t 5h}) or a slash command's options into typed
 * arguments: the tokenizer (quotes, escapes), flags, durations, integers, and users, channels and roles resolved
 * through the hub's cache (mention, ID, name#discriminator, username, global or nick name).
 */
package dev.hubcord.commands.parse;
