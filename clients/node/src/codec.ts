import { inflateSync } from 'node:zlib';
import { Decompress } from 'fzstd';
import type { Compression } from './protocol.js';

/** Turns one binary frame from the hub into the text of one payload. Throws when it does not decode. */
export interface Inflater {
  inflate(frame: Uint8Array): string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * zstd: all binary frames of a connection are one endless stream, flushed after each payload, so one
 * long-lived streaming context decodes each frame as it arrives. A new connection needs a new Inflater.
 */
class ZstdInflater implements Inflater {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private readonly stream = new Decompress((chunk) => {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      throw new Error(`a payload decompresses past ${this.maxBytes} bytes`);
    }
    this.chunks.push(chunk);
  });

  constructor(private readonly maxBytes: number) {}

  inflate(frame: Uint8Array): string {
    this.chunks.length = 0;
    this.size = 0;
    this.stream.push(frame);
    return decoder.decode(Buffer.concat(this.chunks, this.size));
  }
}

/** zlib: every binary frame is one complete RFC 1950 stream holding one payload. */
class ZlibInflater implements Inflater {
  constructor(private readonly maxBytes: number) {}

  inflate(frame: Uint8Array): string {
    return decoder.decode(inflateSync(frame, { maxOutputLength: this.maxBytes }));
  }
}

/** The inflater for a new connection, or `null` when binary frames are not expected. */
export function newInflater(compression: Compression, maxBytes: number): Inflater | null {
  switch (compression) {
    case 'zstd':
      return new ZstdInflater(maxBytes);
    case 'zlib':
      return new ZlibInflater(maxBytes);
    case 'none':
      return null;
  }
}
