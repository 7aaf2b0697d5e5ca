import { z } from 'zod/v4';

/**
 * The agenda templates' ids, apart from their content (templates.ts): the API
 * schemas need only the ids, and the side panel's first load must not carry
 * every template's text.
 */
export const TemplateId = z.enum(['first-one-on-one', 'regular-check-in', 'career-conversation', 'quarterly-goals']);
export type TemplateId = z.infer<typeof TemplateId>;
