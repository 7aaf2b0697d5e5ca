/** Cosmos answers with HTTP status codes on the error's `code`. */
export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

/** The record changed since it was read (412 on IfMatch); the caller re-reads and re-applies. */
export class StaleWrite extends Error {
  constructor() {
    super('record changed since it was read');
    this.name = 'StaleWrite';
  }
}

/**
 * A record that does not match its schema (e.g. an order key or a text past
 * its limit): refused before it is written, because the stored record could
 * not be read back and every read of its 1:1 would fail. A bug of ours, not of
 * the caller's input (inputs are checked by their own schemas first).
 */
export class UnstorableRecord extends Error {
  constructor(
    readonly recordType: string,
    readonly recordId: string,
    readonly problems: readonly string[],
  ) {
    super(`refused to store ${recordType} ${recordId}: ${problems.join('; ')}`);
    this.name = 'UnstorableRecord';
  }
}
