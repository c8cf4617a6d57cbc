/**
 * The audio worker process: {@link dev.hubcord.audio.AudioMain} reads the settings and starts an
 * {@link dev.hubcord.audio.AudioWorker}, which connects to the hub as {@code audio}, keeps a lavaplayer player and a
 * queue per guild it is given, joins Discord voice through the sharder (gateway op 4 relayed by the hub) and sends
 * the audio over the voice UDP transport from one paced sender thread.
 */
package dev.hubcord.audio;
