import { Router, type Request } from 'express';
import { RecordId, TeamsChatId } from '../../../domain/entities.js';
import { Invalid } from '../../../domain/errors.js';
import type { CommandContext } from '../commands/context.js';
import { parseInput } from '../commands/input.js';
import { callerOf } from '../http/auth.js';
import { translatorForRequest } from '../i18n/translator.js';
import { FileAnswer, type ApiRoute } from './apiRoutes.js';

/** Path parameters become Cosmos ids and room names: check their shape before any look-up. */
function checkedParams(req: Request, path: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of path.matchAll(/:(\w+)/g)) {
    const schema = name === 'chatId' ? TeamsChatId : RecordId;
    const parsed = schema.safeParse(req.params[name!]);
    if (!parsed.success) throw new Invalid(`The ${name} in the address is not a valid id.`);
    params[name!] = parsed.data;
  }
  return params;
}

/**
 * The Express router of the REST API, built from the route table and
 * nothing else: validate (ids, body) → handler (one command) → JSON.
 * Mount it after authentication (every route needs a caller).
 */
/** Query parameters as strings: a repeated or nested one is refused rather than guessed at. */
function checkedQuery(req: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (typeof value !== 'string') throw new Invalid(`Send one "${name}" parameter.`);
    query[name] = value;
  }
  return query;
}

export interface ApiRouterDeps {
  ctx: () => CommandContext;
  panelUrl: (chatId: string) => string | undefined;
}

export function apiRouter(routes: readonly ApiRoute[], deps: ApiRouterDeps): Router {
  const router = Router();
  for (const route of routes) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    router[method](route.path, async (req, res) => {
      const params = checkedParams(req, route.path);
      const body = route.body ? parseInput(route.body.schema, req.body, route.body.what) : undefined;
      const answer = await route.handler({
        ctx: deps.ctx(),
        caller: callerOf(res),
        params,
        body,
        query: checkedQuery(req),
        panelUrl: deps.panelUrl,
        translator: translatorForRequest(req.headers['accept-language']),
      });
      if (answer instanceof FileAnswer) {
        res
          .status(200)
          .type(answer.contentType)
          .set('Content-Disposition', `attachment; filename="${answer.fileName}"`)
          .send(answer.body);
        return;
      }
      res.status(route.status ?? 200).json(answer);
    });
  }
  return router;
}
