import type { HubClientError } from './errors.js';
import type { Identified, Resumed } from './protocol.js';

/** `new → connecting → identifying | resuming → connected → disconnected → connecting …`, ending in `closed`
 * (`close()` was called) or `failed` (4001). */
export type ClientState =
  | 'new'
  | 'connecting'
  | 'identifying'
  | 'resuming'
  | 'connected'
  | 'disconnected'
  | 'closed'
  | 'failed';

export interface ClientEvents {
  state: { previous: ClientState; state: ClientState };
  error: HubClientError;
  identified: Identified;
  resumed: Resumed;
  /** The hub closed the connection (or it dropped): the code and reason as received. */
  close: { code: number; reason: string };
}
