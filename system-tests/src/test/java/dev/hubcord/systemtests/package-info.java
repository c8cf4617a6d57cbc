/**
 * System tests: the bot assembled from its real processes, exercised as Discord users and an operator would (see
 * {@link dev.hubcord.systemtests.harness.Deployment}).
 */
package dev.hubcord.systemtests;
