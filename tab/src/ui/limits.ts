/**
 * Text limits made visible: a counter once the text nears its limit, and a
 * message (never a silent cut) once it is over. Inputs carry no `maxLength`,
 * which would cut a pasted text without a word.
 */
export interface LimitState {
  over: boolean;
  /** For a Field: the counter near the limit, or why the text cannot be saved. */
  message?: string;
  state?: 'error' | 'none';
}

const NEAR = 0.9;

export function limitOf(text: string, limit: number, what = 'This text'): LimitState {
  const length = text.trim().length;
  const count = (n: number) => n.toLocaleString();
  if (length > limit) {
    return {
      over: true,
      state: 'error',
      message: `${what} is ${count(length)} characters; the limit is ${count(limit)}. Shorten it to save.`,
    };
  }
  if (length >= limit * NEAR) return { over: false, state: 'none', message: `${count(length)} / ${count(limit)}` };
  return { over: false };
}
