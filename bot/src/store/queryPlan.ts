import type { FeedOptions, PluginConfig, Response } from '@azure/cosmos';

/**
 * `@azure/cosmos` 4.9 sends the gateway a query-plan request beside every
 * item query, even a single-partition one (`partitionKey` in the feed
 * options), and reads the plan only if the gateway refuses the query as one
 * that needs a plan — which it does for cross-partition ORDER BY, TOP,
 * DISTINCT, GROUP BY, OFFSET and aggregates, never for a plain filter sent to
 * one partition (the SDK's maintainers: "no query plan is needed for a single
 * partition query", Azure/azure-sdk-for-js#8595). That request is one more
 * HTTP exchange per query for nothing. This plugin answers it locally for
 * exactly those queries: one partition named, and none of the clauses a plan
 * exists for; every other query plan still goes to the gateway.
 */

/** Clauses whose results the SDK assembles from the plan (checked on the query text, case-insensitive). */
const NEEDS_PLAN =
  /\b(ORDER\s+BY|TOP|DISTINCT|GROUP\s+BY|OFFSET|LIMIT|COUNT|SUM|AVG|MIN|MAX|VectorDistance|RRF|FullTextScore)\b/i;

/**
 * The gateway's plan for a plain query over the whole key range (what the SDK
 * would read, were it to need one). The embedded server answers the same.
 */
export const PASS_THROUGH_PLAN = {
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: 'None',
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: '',
    hasSelectValue: false,
    dCountInfo: null,
    hasNonStreamingOrderBy: false,
  },
  queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }],
};

function queryText(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object' && typeof (body as { query?: unknown }).query === 'string') {
    return (body as { query: string }).query;
  }
  return undefined;
}

/** Whether a query-plan request is one this module answers itself. */
export function answersPlanLocally(headers: Record<string, unknown>, options: FeedOptions, body: unknown): boolean {
  if (String(headers['x-ms-cosmos-is-query-plan-request'] ?? '').toLowerCase() !== 'true') return false;
  if (options.partitionKey === undefined) return false;
  const text = queryText(body);
  return text !== undefined && !NEEDS_PLAN.test(text);
}

/** The client plugin (CosmosClientOptions.plugins is marked @hidden in 4.9's types, but read at run time). */
export const singlePartitionQueryPlans: PluginConfig = {
  on: 'request',
  plugin: async (context, _diagnosticNode, next) => {
    const headers = (context.headers ?? {}) as Record<string, unknown>;
    if (answersPlanLocally(headers, context.options as FeedOptions, context.body)) {
      return { headers: {}, result: structuredClone(PASS_THROUGH_PLAN), code: 200 } as Response<unknown>;
    }
    return next(context);
  },
};
