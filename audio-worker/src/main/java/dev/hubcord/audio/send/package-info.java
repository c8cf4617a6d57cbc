/**
 * Pacing: one dedicated platform thread sends one packet per 20 ms for every connected player (not a Netty event
 * loop, not a thread per player). It polls lavaplayer's frame buffers without blocking, sends five Opus silence
 * frames when a player pauses or runs dry, catches up in a short burst after a stall (a GC pause) and counts frames
 * sent, nulled (the player had none ready) and missed (the sender itself was too late) per minute.
 */
package dev.hubcord.audio.send;
