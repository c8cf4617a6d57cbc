import { type ApiError, HubRestOperations } from './rest.generated.js';

export * from './rest.generated.js';

export interface HubRestOptions {
  /** The hub's HTTP base, e.g. `http://127.0.0.1:3282` (the same port as the WebSocket). */
  baseUrl: string;
  secret: string;
  /** Per request, ms (default 10,000). */
  timeoutMs?: number;
}

/** A non-2xx answer: the HTTP status and the hub's error `code` and `message` (docs/rest-api.md). */
export class HubRestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiError['error']['code'] | 'UNEXPECTED',
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
    this.name = 'HubRestError';
  }
}

/**
 * The hub's REST API (Discord cache, services, shards, players), typed from its OpenAPI description: one method
 * per operation, named by its `operationId`, e.g. `getMember(guild, user)`, `searchMembers(guild, {query})`.
 * Uses the global `fetch` of Node 20.
 */
export class HubRestClient extends HubRestOperations {
  constructor(options: HubRestOptions) {
    const base = options.baseUrl.replace(/\/+$/, '');
    const timeoutMs = options.timeoutMs ?? 10_000;
    super(async <T>(method: string, path: string, query?: Record<string, string | number | undefined>) => {
      const url = new URL(base + path);
      for (const [key, value] of Object.entries(query ?? {})) {
        if (value !== undefined) url.searchParams.set(key, String(value));
      }
      const response = await fetch(url, {
        method,
        headers: { authorization: options.secret },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      if (!response.ok) {
        let error: ApiError['error'] | undefined;
        try {
          error = (JSON.parse(text) as ApiError).error;
        } catch {
          error = undefined;
        }
        throw new HubRestError(response.status, error?.code ?? 'UNEXPECTED', error?.message ?? text.slice(0, 200));
      }
      return JSON.parse(text) as T;
    });
  }
}
