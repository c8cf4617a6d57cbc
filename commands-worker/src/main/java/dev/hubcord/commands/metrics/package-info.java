/** The commands worker's own meters: commands by name and outcome, with their latency. */
package dev.hubcord.commands.metrics;
