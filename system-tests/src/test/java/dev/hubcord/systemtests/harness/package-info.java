/**
 * Starts the real service jars as OS processes and talks to them only as a Discord user or an operator would: the
 * simulated Discord's control API (users' messages, interactions, voice; what the bot sent to Discord), the hub's
 * REST API and its {@code /metrics}. Nothing here loads a service's classes.
 */
package dev.hubcord.systemtests.harness;
