export { HubClient } from './client.js';
export type { ClientEvents, ClientState } from './state.js';
export { HubClientError, type ErrorKind } from './errors.js';
export { HubEvent, type DataOf, type Dispatch, type EventData, type ExecuteCommand, type HubEventMap } from './events.js';
export type { HubClientOptions } from './options.js';
export {
  CloseCode,
  DIRECT_EVENTS,
  Op,
  REQUEST_EVENTS,
  SENDABLE,
  type BotInfo,
  type Compression,
  type GatewayInfo,
  type Identified,
  type LeaseReply,
  type Payload,
  type Resumed,
  type ServiceType,
} from './protocol.js';
export { HubRestClient, HubRestError, type HubRestOptions } from './rest.js';
export type * from './rest.generated.js';
