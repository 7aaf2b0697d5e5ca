import type { IncomingMessage, ServerResponse } from 'node:http';
import * as documentOperationsModule from '@vercel/cosmosdb-server/lib/handler/_document-operations.js';
import * as patchOperationsModule from '@vercel/cosmosdb-server/lib/handler/_patch-operations.js';
import {
  partitionKeyFromHeader,
  partitionKeyOf,
  type ItemsLike,
  type RequestScope,
  type StoredItem,
} from './partitionIndex.js';

/**
 * Transactional batch as Azure Cosmos DB documents it
 * (learn.microsoft.com/azure/cosmos-db/nosql/transactional-batch): every
 * operation names the batch's one partition key, at most 100 operations,
 * and all or nothing — when one operation fails, none is applied; the
 * failing one answers its own status and every other one 424 (failed
 * dependency), the request itself 207 (multi-status). The protocol server's
 * own batch handler applies operations one by one and keeps those before a
 * failure. This one runs the same per-operation code (so each operation
 * behaves exactly as the package's single-document routes) and, on a
 * failure, puts back every item the batch touched as it was, before any
 * other request runs (the whole batch is synchronous after its body is read).
 */

/** Azure's limit of operations in one transactional batch. */
export const MAX_BATCH_OPERATIONS = 100;

type OperationResult = { statusCode: number; body?: Record<string, unknown> };
type OperationInput = {
  operationType?: string;
  id?: string;
  partitionKey?: string;
  ifMatch?: string;
  resourceBody?: Record<string, unknown> & { operations?: unknown[]; condition?: string };
};
interface Collection {
  read(): unknown;
  documents: ItemsLike;
}
interface Account {
  database(id: string): { collection(id: string): Collection };
}

const cjs = <T>(module: unknown): T => ((module as { default?: T }).default ?? module) as T;
type Operation = (collection: Collection, input: Record<string, unknown>) => OperationResult;
const documentOperations =
  cjs<
    Record<'createOperation' | 'upsertOperation' | 'readOperation' | 'deleteOperation' | 'replaceOperation', Operation>
  >(documentOperationsModule);
const { patchOperation } = cjs<{ patchOperation: Operation }>(patchOperationsModule);

const OPERATIONS: Record<string, (collection: Collection, input: OperationInput) => OperationResult> = {
  Create: (c, input) => documentOperations.createOperation(c, input),
  Upsert: (c, input) => documentOperations.upsertOperation(c, input),
  Read: (c, input) => documentOperations.readOperation(c, input),
  Delete: (c, input) => documentOperations.deleteOperation(c, input),
  Replace: (c, input) => documentOperations.replaceOperation(c, input),
  Patch: (c, input) => {
    const body = input.resourceBody;
    const operations = Array.isArray(body) ? body : body?.operations;
    return patchOperation(c, {
      id: input.id,
      partitionKey: input.partitionKey,
      ifMatch: input.ifMatch,
      operations,
      condition: Array.isArray(body) ? undefined : body?.condition,
    });
  },
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** The id an operation acts on. */
function targetId(input: OperationInput): string | undefined {
  const id = input.resourceBody?.id ?? input.id;
  return typeof id === 'string' ? id : undefined;
}

function badRequest(res: ServerResponse, message: string): Record<string, unknown> {
  res.statusCode = 400;
  return { code: 'BadRequest', message };
}

/** Handles `POST …/docs` with `x-ms-cosmos-is-batch-request` and `x-ms-cosmos-batch-atomic`. */
export async function atomicBatch(
  account: Account,
  req: IncomingMessage,
  res: ServerResponse,
  params: { dbId?: string; collId?: string },
  scope: RequestScope,
): Promise<unknown> {
  const body = await readJson(req);
  const collection = account.database(params.dbId!).collection(params.collId!);
  if (!collection.read()) {
    res.statusCode = 404;
    return {};
  }
  if (!Array.isArray(body)) return badRequest(res, 'Invalid request body');
  if (body.length === 0) return badRequest(res, 'A batch needs at least one operation.');
  if (body.length > MAX_BATCH_OPERATIONS) {
    return badRequest(res, `Batch request has more operations than the ${MAX_BATCH_OPERATIONS} supported.`);
  }
  const header = req.headers['x-ms-documentdb-partitionkey'];
  const batchKey = partitionKeyFromHeader(header);
  if (batchKey === undefined) return badRequest(res, 'A transactional batch needs one partition key value.');
  const headerText = Array.isArray(header) ? header[0]! : header!;
  const partitionValue: unknown = JSON.parse(batchKey);
  const documents = collection.documents;

  const inputs = body as OperationInput[];
  for (const input of inputs) {
    if (!input || typeof input.operationType !== 'string' || !OPERATIONS[input.operationType]) {
      return badRequest(res, `Operation type '${String(input?.operationType)}' is not supported in Batch.`);
    }
    // Every operation belongs to the batch's partition (its own key, or its document's).
    const own = input.partitionKey !== undefined ? partitionKeyFromHeader(input.partitionKey) : undefined;
    const ofBody =
      input.resourceBody && !Array.isArray(input.resourceBody) && input.operationType !== 'Patch'
        ? partitionKeyOf(documents._getPartition(input.resourceBody))
        : undefined;
    if ((own !== undefined && own !== batchKey) || (ofBody !== undefined && ofBody !== batchKey)) {
      return badRequest(res, 'Partition key of an operation does not match the batch partition key.');
    }
  }

  // Items as they were before the batch touched them (undefined: absent), for the rollback.
  const before = new Map<string, Record<string, unknown> | undefined>();
  const touchedBefore = scope.touched.length;
  const results: (OperationResult & { index: number })[] = [];
  let failed: number | undefined;
  for (const [index, input] of inputs.entries()) {
    const id = targetId(input);
    if (id !== undefined && !before.has(id)) before.set(id, current(documents, id, partitionValue));
    const result = OPERATIONS[input.operationType!]!(collection, {
      ...input,
      partitionKey: input.partitionKey ?? headerText,
    });
    results.push({ ...result, index });
    if (result.statusCode >= 400) {
      failed = index;
      break;
    }
  }

  if (failed === undefined) {
    return results.map((r) => ({
      statusCode: r.statusCode,
      requestCharge: 1,
      eTag: r.body?._etag,
      resourceBody: r.body,
    }));
  }

  // All or nothing: put every touched item back, and tell the journal nothing changed.
  for (const [id, was] of [...before.entries()].reverse()) {
    if (current(documents, id, partitionValue)) documents.delete(id, partitionValue);
    if (was) documents._set(was);
  }
  scope.touched.length = touchedBefore;
  res.statusCode = 207;
  const failure = results[failed]!;
  return inputs.map((_, index) =>
    index === failed
      ? {
          statusCode: failure.statusCode,
          requestCharge: 0,
          ...(failure.body?.message ? { message: failure.body.message } : {}),
        }
      : { statusCode: 424, requestCharge: 0 },
  );
}

function current(documents: ItemsLike, id: string, partition: unknown): Record<string, unknown> | undefined {
  const item: StoredItem = documents._item('/id', id, partition);
  return item.read() ?? undefined;
}
