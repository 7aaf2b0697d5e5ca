import type { z } from 'zod/v4';
import { Invalid } from '../../../domain/errors.js';

/**
 * Validates a command's input with its shared schema. Every transport (REST,
 * card submit, tests) goes through this, so none can skip validation.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  throw new Invalid(`The ${what} is not valid: ${details.join('; ')}`, details);
}
