import { Router } from 'express';
import type { DevSession } from '../../../domain/api.js';
import type { CommandContext } from '../commands/context.js';
import { DEMO_SERIES, DEMO_TEAM, ensureSeriesForChat } from '../commands/series.js';
import type { DevIdentityIssuer } from '../identity/index.js';

/**
 * Dev mode only (the service mounts this only when DEV_MODE is on, which the
 * configuration refuses under NODE_ENV=production): the local meeting page's
 * two identities, as real signed tokens for the demo 1:1.
 */
export function devRoutes(deps: { ctx: () => CommandContext; devIdentities: DevIdentityIssuer }): Router {
  const router = Router();
  router.get('/session', async (_req, res) => {
    res.json(await demoSession());
  });
  /** "My 1:1s" locally: the demo manager with a team of three reports. */
  router.get('/home-session', async (_req, res) => {
    for (const member of DEMO_TEAM) await ensureSeriesForChat(deps.ctx(), member);
    res.json(await demoSession());
  });
  return router;

  async function demoSession(): Promise<DevSession> {
    const series = await ensureSeriesForChat(deps.ctx(), DEMO_SERIES);
    const identities = await Promise.all(
      series.members.map(async (member) => ({
        role: member.role,
        userId: member.userId,
        name: member.name,
        token: await deps.devIdentities.issueToken({
          tenantId: series.tenantId,
          userId: member.userId,
          name: member.name,
        }),
      })),
    );
    return { seriesId: series.id, identities };
  }
}
