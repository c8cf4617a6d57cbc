/**
 * Turns payloads into bytes and back: the Jackson JSON codec for whole payloads, a cheap envelope
 * scanner and writer that let the hub route and re-sequence events without building a tree for
 * {@code d}, and the two compression schemes (one never-ending zstd stream per direction, or one
 * zlib stream per message). Every decompressor is bounded while it runs, so a tiny frame that would
 * expand to gigabytes is refused rather than expanded.
 */
package dev.hubcord.protocol.codec;
