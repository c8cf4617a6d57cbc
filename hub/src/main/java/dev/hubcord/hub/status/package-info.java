/**
 * The hub's live status page: {@code /status} (an HTML page from this package's resources, behind the hub secret,
 * kept as an HttpOnly cookie) and the event rates its JSON endpoint {@code /v1/status} reports.
 */
package dev.hubcord.hub.status;
