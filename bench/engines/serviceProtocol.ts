/** IPC between the bench and the service child (engines/serviceChild.ts). */

export interface BenchPair {
  seriesId: string;
  /** [manager, report] */
  userIds: [string, string];
  tokens: [string, string];
}

export interface CosmosStats {
  requests: number;
  /** Sum of `x-ms-request-charge` answered by the Cosmos endpoint. */
  requestCharge: number;
  byOperation: Record<string, { requests: number; requestCharge: number }>;
  /** Answers by HTTP status: a retried request (429, 449, 5xx) shows up here. */
  byStatus: Record<string, number>;
}

/** What the service child saw during the measured window. */
export interface WindowReport {
  /** Event-loop delay (perf_hooks.monitorEventLoopDelay), ms: how long ready work waited for the loop. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** Where the V8 CPU profile of the window was written (with --profile). */
  profilePath?: string;
}

/** IPC between the bench and the Cosmos child (engines/cosmosChild.ts). */
export type CosmosChildRequest = { type: 'cosmosStats'; id: number } | { type: 'stop' };
export type CosmosChildReply =
  | { type: 'ready'; endpoint: string; delayMs: number }
  | { type: 'cosmosStats'; id: number; stats: CosmosStats; connections: number };

export type ParentRequest = { type: 'windowStart'; id: number } | { type: 'windowEnd'; id: number } | { type: 'stop' };

export type ChildReply =
  | { type: 'ready'; url: string; pairs: BenchPair[] }
  | { type: 'windowStarted'; id: number }
  | { type: 'windowReport'; id: number; report: WindowReport };
