import { Unauthenticated } from '../../../domain/errors.js';

/** Extracts the token from an `Authorization: Bearer <token>` header. */
export function bearerToken(authorizationHeader: string | undefined): string {
  if (!authorizationHeader || authorizationHeader.trim() === '') {
    throw new Unauthenticated('Sign-in is required: send an "Authorization: Bearer <token>" header.');
  }
  const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(authorizationHeader.trim());
  if (!match?.[1]) {
    throw new Unauthenticated('The Authorization header must have the form "Bearer <token>".');
  }
  return match[1];
}
