import { HubClientError } from './errors.js';
import type { EventData } from './events.js';
import type { ResolvedOptions } from './options.js';
import { SENDABLE } from './protocol.js';

/** Room for the envelope (`op`, `t`, `ps`) around `d` when checking a payload against the size limit. */
const ENVELOPE_BYTES = 64;

/** Throws INVALID_ARGUMENT for what the hub would close the connection for (4005, 4006, 4010). */
export function checkSendable(options: ResolvedOptions, event: string, data: EventData): void {
  if (!SENDABLE[options.type].has(event)) {
    throw new HubClientError('INVALID_ARGUMENT', `a ${options.type} client may not send ${event}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new HubClientError('INVALID_ARGUMENT', `${event}: d must be an object`);
  }
  checkSize(options.maxPayloadBytes, data);
}

export function checkSize(maxPayloadBytes: number, data: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(data));
  if (bytes > maxPayloadBytes - ENVELOPE_BYTES) {
    throw new HubClientError('INVALID_ARGUMENT', `a payload of ${bytes} bytes is over ${maxPayloadBytes}`);
  }
}

/**
 * `d` of a heartbeat: `heapUsed` always, `inFlight` for commands workers (the events not yet acknowledged), then
 * the application's own figures. A figure that is not a non-negative integer would close the connection (4005),
 * so it is left out and reported instead.
 */
export function statistics(
  options: ResolvedOptions,
  inFlight: number,
  report: (error: HubClientError) => void,
): Record<string, number> {
  const stats: Record<string, number> = { heapUsed: process.memoryUsage().heapUsed };
  if (options.type === 'commands') stats.inFlight = inFlight;
  for (const [key, value] of Object.entries(options.statistics?.() ?? {})) {
    if (Number.isInteger(value) && value >= 0) {
      stats[key] = value;
    } else {
      report(new HubClientError('INVALID_ARGUMENT', `statistic ${key}=${value} is not a non-negative integer; left out`));
    }
  }
  return stats;
}
