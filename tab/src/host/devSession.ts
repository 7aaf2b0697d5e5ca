import { DevSession } from '../../../domain/api.js';
import { request } from '../api/http.js';
import type { SessionResult } from './session.js';
import { themeFromQuery } from './theme.js';

/** Local dev mode: the service hands out the demo series and a signed token per member. */
export async function devSession(role: string): Promise<SessionResult> {
  if (role !== 'report' && role !== 'manager') {
    return { kind: 'failed', problem: { kind: 'unknownDevRole', role } };
  }
  try {
    const session = await request({}, 'GET', '/api/dev/session', DevSession);
    const identity = session.identities.find((i) => i.role === role);
    if (!identity) return { kind: 'failed', problem: { kind: 'devRoleMissing', role } };
    return {
      kind: 'ready',
      session: {
        // `&series=` opens another 1:1 of the same dev identity (links from the local "My 1:1s" page).
        seriesId: new URLSearchParams(window.location.search).get('series') ?? session.seriesId,
        getToken: () => Promise.resolve(identity.token),
        theme: themeFromQuery() ?? 'default',
      },
    };
  } catch (error) {
    return { kind: 'failed', problem: { kind: 'devUnavailable', error } };
  }
}
