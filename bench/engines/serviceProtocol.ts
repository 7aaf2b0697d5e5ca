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
}

export type ParentRequest = { type: 'cosmosStats'; id: number } | { type: 'stop' };

export type ChildReply =
  | { type: 'ready'; url: string; pairs: BenchPair[] }
  | { type: 'cosmosStats'; id: number; stats: CosmosStats };
