export type { Caller, TokenVerifier } from './caller.js';
export { bearerToken } from './bearerToken.js';
export { createEntraTokenVerifier, REQUIRED_SCOPE, type EntraVerifierOptions } from './entraTokenVerifier.js';
export {
  createDevIdentityIssuer,
  DEV_CLIENT_ID,
  type DevIdentity,
  type DevIdentityIssuer,
} from './devIdentityIssuer.js';
export { cachedVerifier } from './cachedVerifier.js';
