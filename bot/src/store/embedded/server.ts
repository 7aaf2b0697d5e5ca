import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import AccountModule from '@vercel/cosmosdb-server/lib/account/index.js';
import routesModule from '@vercel/cosmosdb-server/lib/routes.js';
import { PASS_THROUGH_PLAN } from '../queryPlan.js';
import { atomicBatch } from './atomicBatch.js';
import { Journal, stateToLines, type JournalEntry, type StoredState } from './journal.js';
import {
  installPartitionIndex,
  partitionKeyFromHeader,
  partitionKeyOf,
  requestScope,
  type ItemsLike,
  type RequestScope,
  type StoredItem,
} from './partitionIndex.js';

/**
 * The Cosmos DB protocol server (@vercel/cosmosdb-server) as the local
 * default and the tests use it: its own account and request routes, with
 * four additions in front of them — queries sent with a partition key read
 * that partition only (partitionIndex.ts), a transactional batch is applied
 * all or nothing as Azure does (atomicBatch.ts), writes can be kept in a
 * local folder across restarts (journal.ts), and an optional delay before
 * every answer models a network round trip (the bench's same-region Azure figure).
 * The request handling mirrors the package's own `createHttpServer`, which
 * does not expose its account.
 */
export interface EmbeddedCosmosOptions {
  /** Folder for the local data; unset: memory only. */
  dataDir?: string;
  /** Milliseconds added before every answer (a modelled round trip); default 0. */
  delayMs?: number;
  /** Default 0 (a free port). */
  port?: number;
  host?: string;
}

export interface EmbeddedCosmos {
  endpoint: string;
  /** The HTTP server (the bench counts its requests). */
  server: Server;
  /** Documents restored from the data folder at start. */
  restoredDocuments: number;
  close(): Promise<void>;
}

interface Collection extends StoredItem {
  documents: ItemsLike & { create(data: Record<string, unknown>): unknown };
}
interface Database extends StoredItem {
  collections: ItemsLike & { create(data: Record<string, unknown>): unknown };
  collection(id: string): Collection;
}
interface Account {
  databases: ItemsLike & { create(data: Record<string, unknown>): unknown };
  database(id: string): Database;
}
type RouteHandler = (account: Account, req: IncomingMessage, res: ServerResponse, params: Params) => unknown;
type Params = { dbId?: string; collId?: string; docId?: string };

const cjs = <T>(module: unknown): T => ((module as { default?: T }).default ?? module) as T;
const AccountClass = cjs<new (host: string, port: number) => Account>(AccountModule);
const route = cjs<(req: IncomingMessage) => [Params, RouteHandler] | undefined>(routesModule);

const SYSTEM_FIELDS = new Set(['_rid', '_self', '_etag', '_ts', '_attachments']);
const withoutSystemFields = (data: Record<string, unknown>, all = false) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !(all ? key.startsWith('_') : SYSTEM_FIELDS.has(key))));

const headerIsTrue = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';
const isQueryPlanRequest = (req: IncomingMessage) => headerIsTrue(req, 'x-ms-cosmos-is-query-plan-request');
const isAtomicBatch = (req: IncomingMessage) =>
  headerIsTrue(req, 'x-ms-cosmos-is-batch-request') && headerIsTrue(req, 'x-ms-cosmos-batch-atomic');

export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  installPartitionIndex();
  const delayMs = options.delayMs ?? 0;
  // The account names the server's own address, so it is made once the server listens.
  const made: { account?: Account } = {};
  let journal: Journal | undefined;

  const server = createServer({ keepAlive: true }, (req, res) => {
    void handle(made.account!, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.statusCode = 500;
      res.end(JSON.stringify({ message: error instanceof Error ? error.message : String(error) }));
    });
  });

  async function handle(acc: Account, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const matched = route(req);
    const scope: RequestScope = {
      partitionKey: partitionKeyFromHeader(req.headers['x-ms-documentdb-partitionkey']),
      touched: [],
    };
    let body: Record<string, unknown> | undefined;
    if (isQueryPlanRequest(req)) {
      // The SDK asks the gateway for a plan before a query; the package ran the query itself
      // as the "plan" (a full scan), and the SDK only reads a plan after a query fails. Answer a plan.
      req.resume();
      body = PASS_THROUGH_PLAN;
    } else if (matched) {
      const [params, packageHandler] = matched;
      // The package applies a batch's operations one by one, keeping those before a failure; Azure applies all or none.
      const handler: RouteHandler = isAtomicBatch(req)
        ? (account, request, response, p) => atomicBatch(account, request, response, p, scope)
        : packageHandler;
      try {
        body = (await requestScope.run(scope, () => handler(acc, req, res, params))) as typeof body;
      } catch (error) {
        body = { message: error instanceof Error ? error.message : String(error) };
        res.statusCode = 500;
      }
      if (res.statusCode > 399 && body && !body.message) body.message = '';
      // Written before the answer: whatever the client was told is stored is in the file.
      if (journal && scope.touched.length) journal.append(journalEntries(acc, params, scope.touched));
    } else {
      res.statusCode = 400;
      body = { message: 'no route' };
    }
    if (delayMs > 0) await sleep(delayMs);
    if (body && typeof body._etag === 'string') res.setHeader('etag', body._etag);
    res.setHeader('content-type', 'application/json');
    res.setHeader('content-location', `https://${req.headers.host}${req.url}`);
    res.setHeader('connection', 'keep-alive');
    res.setHeader('x-ms-activity-id', randomUUID());
    res.setHeader('x-ms-request-charge', '1');
    if (req.headers['a-im'] && res.statusCode === 200) {
      if (req.headers['if-none-match']) res.statusCode = 304;
      res.setHeader('etag', '1');
    }
    res.end(JSON.stringify(body));
  }

  // Longer than any client's idle keep-alive: a server closing an idle connection just as the SDK reuses it
  // answers that request with "socket hang up" (seen under load with Node's 5 s default).
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  const account = (made.account = new AccountClass(address, port));
  let restoredDocuments = 0;
  if (options.dataDir) {
    const opened = Journal.open(options.dataDir);
    restoredDocuments = restore(account, opened.state);
    opened.journal.compact(stateToLines(opened.state));
    journal = opened.journal;
  }

  return {
    endpoint: `http://${address}:${port}`,
    server,
    restoredDocuments,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          journal?.close();
          resolve();
        });
      }),
  };
}

/** Loads the folded journal into a fresh account (not journaled again: no request scope is active). */
function restore(account: Account, state: StoredState): number {
  let count = 0;
  for (const [dbId, collections] of state) {
    if (!account.database(dbId).read()) account.databases.create({ id: dbId });
    const database = account.database(dbId);
    for (const [collId, stored] of collections) {
      if (!database.collection(collId).read()) database.collections.create(withoutSystemFields(stored.def, true));
      const { documents } = database.collection(collId);
      for (const { doc } of stored.docs.values()) {
        documents.create(withoutSystemFields(doc));
        count += 1;
      }
    }
  }
  return count;
}

/** What a request changed, as journal lines: the current state of every item it touched. */
function journalEntries(account: Account, params: Params, touched: RequestScope['touched']): JournalEntry[] {
  // A replace deletes and sets the same item: one line for it, with the document from before the first change.
  const latest = new Map<ItemsLike, Map<string, RequestScope['touched'][number]>>();
  for (const t of touched) {
    const ofItems = latest.get(t.items) ?? new Map<string, RequestScope['touched'][number]>();
    latest.set(t.items, ofItems);
    ofItems.set(t.rid, { ...t, before: ofItems.get(t.rid)?.before ?? t.before });
  }
  const entries: JournalEntry[] = [];
  const database = params.dbId ? account.database(params.dbId) : undefined;
  const collection = database?.read() && params.collId ? database.collection(params.collId) : undefined;
  for (const { items, rid, before } of [...latest.values()].flatMap((m) => [...m.values()])) {
    const current = items._data.get(rid)?.read();
    const data = current ?? before;
    if (!data) continue;
    if (items === account.databases) {
      entries.push(current ? { t: 'db', id: String(data.id) } : { t: 'dropdb', id: String(data.id) });
    } else if (database && items === database.collections) {
      const db = params.dbId!;
      entries.push(
        current
          ? { t: 'coll', db, def: withoutSystemFields(current, true) }
          : { t: 'dropcoll', db, id: String(data.id) },
      );
    } else if (collection?.read() && items === collection.documents) {
      const pk = partitionKeyOf(items._getPartition(data)) ?? 'null';
      const [db, coll] = [params.dbId!, params.collId!];
      entries.push(
        current
          ? { t: 'doc', db, coll, pk, doc: withoutSystemFields(current) }
          : { t: 'deldoc', db, coll, pk, id: String(data.id) },
      );
    }
  }
  return entries;
}
