import { Router, type Request } from 'express';
import { RecordId } from '../../../domain/entities.js';
import { Invalid } from '../../../domain/errors.js';
import { addActionItem, deleteActionItem, editActionItem, restoreActionItem } from '../commands/actionItems.js';
import { changesSince } from '../commands/changes.js';
import type { CommandContext } from '../commands/context.js';
import {
  applyTemplate,
  endCurrentMeeting,
  skipCurrentMeeting,
  startCurrentMeeting,
  updateCadence,
} from '../commands/meetings.js';
import { putPrivateNote, putSharedNote } from '../commands/notes.js';
import { findSeriesForChat, listMySeries, loadPanelState } from '../commands/panel.js';
import { addTopic, deleteTopic, editTopic, moveTopic, restoreTopic } from '../commands/topics.js';
import { callerOf } from '../http/auth.js';

/** Path parameters become Cosmos ids: check their shape before any look-up. */
function idParam(req: Request, name: string): string {
  const value = req.params[name];
  const parsed = RecordId.safeParse(value);
  if (!parsed.success) throw new Invalid(`The ${name} in the address is not a valid id.`);
  return parsed.data;
}

/**
 * The REST API of the panel (documented in domain/api.ts). Each route is
 * transport only: it hands the caller, the path ids and the raw body to one
 * command, which validates, authorizes, applies the domain rule, writes and
 * publishes.
 */
export function seriesRoutes(ctx: () => CommandContext): Router {
  const router = Router();

  router.get('/me/series', async (_req, res) => {
    res.json(await listMySeries(ctx(), callerOf(res)));
  });
  router.get('/chats/:chatId/series', async (req, res) => {
    const chatId = req.params.chatId;
    if (!chatId || chatId.length > 256) throw new Invalid('The chat id in the address is not valid.');
    res.json(await findSeriesForChat(ctx(), callerOf(res), chatId));
  });
  router.get('/series/:seriesId/state', async (req, res) => {
    res.json(await loadPanelState(ctx(), callerOf(res), idParam(req, 'seriesId')));
  });
  router.get('/series/:seriesId/changes', async (req, res) => {
    res.json(await changesSince(ctx(), callerOf(res), idParam(req, 'seriesId'), req.query));
  });

  router.post('/series/:seriesId/topics', async (req, res) => {
    const record = await addTopic(ctx(), callerOf(res), idParam(req, 'seriesId'), req.body);
    res.status(201).json({ record });
  });
  router.patch('/series/:seriesId/topics/:topicId', async (req, res) => {
    const record = await editTopic(ctx(), callerOf(res), idParam(req, 'seriesId'), idParam(req, 'topicId'), req.body);
    res.json({ record });
  });
  router.post('/series/:seriesId/topics/:topicId/move', async (req, res) => {
    const record = await moveTopic(ctx(), callerOf(res), idParam(req, 'seriesId'), idParam(req, 'topicId'), req.body);
    res.json({ record });
  });
  router.delete('/series/:seriesId/topics/:topicId', async (req, res) => {
    const record = await deleteTopic(ctx(), callerOf(res), idParam(req, 'seriesId'), idParam(req, 'topicId'));
    res.json({ record });
  });
  router.post('/series/:seriesId/topics/:topicId/restore', async (req, res) => {
    const record = await restoreTopic(ctx(), callerOf(res), idParam(req, 'seriesId'), idParam(req, 'topicId'));
    res.json({ record });
  });
  router.put('/series/:seriesId/topics/:topicId/notes/mine', async (req, res) => {
    const record = await putSharedNote(
      ctx(),
      callerOf(res),
      idParam(req, 'seriesId'),
      idParam(req, 'topicId'),
      req.body,
    );
    res.json({ record });
  });

  router.post('/series/:seriesId/action-items', async (req, res) => {
    const record = await addActionItem(ctx(), callerOf(res), idParam(req, 'seriesId'), req.body);
    res.status(201).json({ record });
  });
  router.patch('/series/:seriesId/action-items/:itemId', async (req, res) => {
    const record = await editActionItem(
      ctx(),
      callerOf(res),
      idParam(req, 'seriesId'),
      idParam(req, 'itemId'),
      req.body,
    );
    res.json({ record });
  });
  router.delete('/series/:seriesId/action-items/:itemId', async (req, res) => {
    const record = await deleteActionItem(ctx(), callerOf(res), idParam(req, 'seriesId'), idParam(req, 'itemId'));
    res.json({ record });
  });
  router.post('/series/:seriesId/action-items/:itemId/restore', async (req, res) => {
    const record = await restoreActionItem(ctx(), callerOf(res), idParam(req, 'seriesId'), idParam(req, 'itemId'));
    res.json({ record });
  });

  router.put('/series/:seriesId/meetings/:meetingId/private-note', async (req, res) => {
    const record = await putPrivateNote(
      ctx(),
      callerOf(res),
      idParam(req, 'seriesId'),
      idParam(req, 'meetingId'),
      req.body,
    );
    res.json({ record });
  });

  router.post('/series/:seriesId/meetings/current/start', async (req, res) => {
    const record = await startCurrentMeeting(ctx(), { caller: callerOf(res) }, idParam(req, 'seriesId'));
    res.json({ record });
  });
  router.post('/series/:seriesId/meetings/current/end', async (req, res) => {
    const ended = await endCurrentMeeting(ctx(), { caller: callerOf(res) }, idParam(req, 'seriesId'));
    res.json({ records: ended.changes });
  });
  router.post('/series/:seriesId/meetings/current/skip', async (req, res) => {
    const skipped = await skipCurrentMeeting(ctx(), callerOf(res), idParam(req, 'seriesId'), req.body);
    res.json({ records: skipped.changes });
  });
  router.post('/series/:seriesId/meetings/current/template', async (req, res) => {
    res.json({ records: await applyTemplate(ctx(), callerOf(res), idParam(req, 'seriesId'), req.body) });
  });
  router.put('/series/:seriesId/cadence', async (req, res) => {
    res.json({ records: await updateCadence(ctx(), callerOf(res), idParam(req, 'seriesId'), req.body) });
  });

  return router;
}
