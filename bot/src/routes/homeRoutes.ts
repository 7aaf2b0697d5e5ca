import { Router, type Request } from 'express';
import { RecordId } from '../../../domain/entities.js';
import { Invalid } from '../../../domain/errors.js';
import type { CommandContext } from '../commands/context.js';
import { exportHistory, loadHomeView, searchMySeries } from '../commands/home.js';
import { callerOf } from '../http/auth.js';

/**
 * "My 1:1s" (the personal tab): the home view, search across the caller's
 * 1:1s, and the Markdown export of one 1:1. Adding topics and completing
 * action items from the home go through the series routes like the panel.
 */
export function homeRoutes(deps: {
  ctx: () => CommandContext;
  panelUrl: (chatId: string) => string | undefined;
}): Router {
  const router = Router();

  router.get('/me/home', async (_req, res) => {
    res.json(await loadHomeView(deps.ctx(), callerOf(res), deps.panelUrl));
  });
  router.get('/me/search', async (req, res) => {
    res.json(await searchMySeries(deps.ctx(), callerOf(res), { q: queryParam(req, 'q') }));
  });
  router.get('/series/:seriesId/export', async (req, res) => {
    const parsed = RecordId.safeParse(req.params.seriesId);
    if (!parsed.success) throw new Invalid('The seriesId in the address is not a valid id.');
    const { fileName, markdown } = await exportHistory(deps.ctx(), callerOf(res), parsed.data);
    res
      .status(200)
      .type('text/markdown; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${fileName}"`)
      .set('Cache-Control', 'no-store')
      .send(markdown);
  });

  return router;
}

/** One query parameter as a string (a repeated one is refused rather than guessed at). */
function queryParam(req: Request, name: string): string {
  const value = req.query[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new Invalid(`Send one "${name}" parameter.`);
  return value;
}
