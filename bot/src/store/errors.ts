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
