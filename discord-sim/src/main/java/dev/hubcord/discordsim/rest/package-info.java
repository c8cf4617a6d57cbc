/**
 * The simulated REST API v10: {@code /gateway(/bot)}, messages, interaction callbacks and follow-ups, bans, kicks
 * and timeouts, each with Discord's status codes and error bodies, permission and hierarchy checks, gateway side
 * effects, {@code X-RateLimit-*} headers per (bucket, major parameter), the three kinds of 429, and a request log.
 */
package dev.hubcord.discordsim.rest;
