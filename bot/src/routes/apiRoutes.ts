import type { z } from 'zod/v4';
import {
  AddActionItemBody,
  AddTopicBody,
  ApplyTemplateBody,
  EditActionItemBody,
  EditTopicBody,
  MoveTopicBody,
  PutNoteBody,
  PutPrivateNoteBody,
  SkipMeetingBody,
  StartMeetingBody,
  UpdateCadenceBody,
} from '../../../domain/api.js';
import { addActionItem, deleteActionItem, editActionItem, restoreActionItem } from '../commands/actionItems.js';
import { changesSince } from '../commands/changes.js';
import type { Caller, CommandContext, MeetingClosed } from '../commands/context.js';
import { applyTemplate, updateCadence } from '../commands/meetings.js';
import { closeMeetingCommand, skipMeetingCommand, startMeetingCommand } from '../commands/meetingLifecycle.js';
import { putPrivateNote, putSharedNote } from '../commands/notes.js';
import { exportHistory, loadHomeView, searchMySeries } from '../commands/home.js';
import { findSeriesForChat, listMySeries, loadHistoryPage, loadPanelState } from '../commands/panel.js';
import { addTopic, deleteTopic, editTopic, moveTopic, restoreTopic } from '../commands/topics.js';
import type { Translator } from '../i18n/translator.js';

/** What a handler gets: path parameters already checked (router.ts), the body parsed by the route's schema. */
export interface RouteInput {
  ctx: CommandContext;
  caller: Caller;
  params: Record<string, string>;
  body: unknown;
  /** Query parameters, each a string (a repeated one is refused by the router). */
  query: Record<string, string>;
  /** "Open the 1:1 panel" link for a chat (a Teams deep link when TEAMS_APP_ID is set). */
  panelUrl(chatId: string): string | undefined;
  /** The caller's words (their `Accept-Language`; the tab sends the locale it shows). */
  translator: Translator;
}

/** A file to download instead of JSON (the Markdown export). */
export class FileAnswer {
  constructor(
    readonly contentType: string,
    readonly fileName: string,
    readonly body: string,
  ) {}
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Under /api; `:name` parameters are ids (RecordId), `:chatId` a Teams chat id. */
  path: string;
  /** The request body's schema and what to call it in a refusal ("The topic is not valid: …"). */
  body?: { schema: z.ZodType; what: string };
  /** 201 for a create; 200 otherwise. */
  status?: 201;
  handler(input: RouteInput): Promise<unknown>;
}

const closedRecords = (closed: MeetingClosed) => [closed.closed, closed.next, closed.series, ...closed.carried];

/**
 * The REST API of the panel: every route, one list (Outline's route +
 * schema pairs). The Express router is built from it (router.ts) and the
 * access and fuzz tests enumerate it, so a route cannot exist without being
 * swept for 401/403. Every route needs a signed-in caller; each handler hands
 * one command the caller, the checked ids and the parsed body, and the
 * command authorizes, applies the domain rule, writes and publishes.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/me/series', handler: ({ ctx, caller }) => listMySeries(ctx, caller) },
  { method: 'GET', path: '/me/home', handler: ({ ctx, caller, panelUrl }) => loadHomeView(ctx, caller, panelUrl) },
  {
    method: 'GET',
    path: '/me/search',
    handler: ({ ctx, caller, query, panelUrl }) => searchMySeries(ctx, caller, { q: query.q ?? '' }, panelUrl),
  },
  {
    method: 'GET',
    path: '/series/:seriesId/export',
    handler: async ({ ctx, caller, params, translator }) => {
      const { fileName, markdown } = await exportHistory(ctx, caller, params.seriesId!, translator);
      return new FileAnswer('text/markdown; charset=utf-8', fileName, markdown);
    },
  },
  {
    method: 'GET',
    path: '/chats/:chatId/series',
    handler: ({ ctx, caller, params }) => findSeriesForChat(ctx, caller, params.chatId!),
  },
  {
    method: 'GET',
    path: '/series/:seriesId/state',
    handler: ({ ctx, caller, params }) => loadPanelState(ctx, caller, params.seriesId!),
  },
  {
    method: 'GET',
    path: '/series/:seriesId/changes',
    handler: ({ ctx, caller, params, query }) => changesSince(ctx, caller, params.seriesId!, query),
  },
  {
    method: 'GET',
    path: '/series/:seriesId/history',
    handler: ({ ctx, caller, params, query }) => loadHistoryPage(ctx, caller, params.seriesId!, query),
  },
  {
    method: 'POST',
    path: '/series/:seriesId/topics',
    body: { schema: AddTopicBody, what: 'topic' },
    status: 201,
    handler: async ({ ctx, caller, params, body }) => ({ record: await addTopic(ctx, caller, params.seriesId!, body) }),
  },
  {
    method: 'PATCH',
    path: '/series/:seriesId/topics/:topicId',
    body: { schema: EditTopicBody, what: 'topic change' },
    handler: async ({ ctx, caller, params, body }) => ({
      record: await editTopic(ctx, caller, params.seriesId!, params.topicId!, body),
    }),
  },
  {
    method: 'POST',
    path: '/series/:seriesId/topics/:topicId/move',
    body: { schema: MoveTopicBody, what: 'move' },
    handler: async ({ ctx, caller, params, body }) => ({
      record: await moveTopic(ctx, caller, params.seriesId!, params.topicId!, body),
    }),
  },
  {
    method: 'DELETE',
    path: '/series/:seriesId/topics/:topicId',
    handler: async ({ ctx, caller, params }) => ({
      record: await deleteTopic(ctx, caller, params.seriesId!, params.topicId!),
    }),
  },
  {
    method: 'POST',
    path: '/series/:seriesId/topics/:topicId/restore',
    handler: async ({ ctx, caller, params }) => ({
      record: await restoreTopic(ctx, caller, params.seriesId!, params.topicId!),
    }),
  },
  {
    method: 'PUT',
    path: '/series/:seriesId/topics/:topicId/notes/mine',
    body: { schema: PutNoteBody, what: 'note' },
    handler: async ({ ctx, caller, params, body }) => ({
      record: await putSharedNote(ctx, caller, params.seriesId!, params.topicId!, body),
    }),
  },
  {
    method: 'POST',
    path: '/series/:seriesId/action-items',
    body: { schema: AddActionItemBody, what: 'action item' },
    status: 201,
    handler: async ({ ctx, caller, params, body }) => ({
      record: await addActionItem(ctx, caller, params.seriesId!, body),
    }),
  },
  {
    method: 'PATCH',
    path: '/series/:seriesId/action-items/:itemId',
    body: { schema: EditActionItemBody, what: 'action item change' },
    handler: async ({ ctx, caller, params, body }) => ({
      record: await editActionItem(ctx, caller, params.seriesId!, params.itemId!, body),
    }),
  },
  {
    method: 'DELETE',
    path: '/series/:seriesId/action-items/:itemId',
    handler: async ({ ctx, caller, params }) => ({
      record: await deleteActionItem(ctx, caller, params.seriesId!, params.itemId!),
    }),
  },
  {
    method: 'POST',
    path: '/series/:seriesId/action-items/:itemId/restore',
    handler: async ({ ctx, caller, params }) => ({
      record: await restoreActionItem(ctx, caller, params.seriesId!, params.itemId!),
    }),
  },
  {
    method: 'PUT',
    path: '/series/:seriesId/meetings/:meetingId/private-note',
    body: { schema: PutPrivateNoteBody, what: 'private note' },
    handler: async ({ ctx, caller, params, body }) => ({
      record: await putPrivateNote(ctx, caller, params.seriesId!, params.meetingId!, body),
    }),
  },
  {
    method: 'PUT',
    path: '/series/:seriesId/cadence',
    body: { schema: UpdateCadenceBody, what: 'cadence' },
    handler: async ({ ctx, caller, params, body }) => ({
      records: await updateCadence(ctx, caller, params.seriesId!, body),
    }),
  },
  {
    method: 'POST',
    path: '/series/:seriesId/meetings/current/template',
    body: { schema: ApplyTemplateBody, what: 'template choice' },
    // The topics are written in the words of the person applying the template.
    handler: async ({ ctx, caller, params, body, translator }) => ({
      records: await applyTemplate(ctx, caller, params.seriesId!, body, (text) => translator.t(text)),
    }),
  },
  // `:meetingId` may be `current` (the series' current meeting); a named meeting makes a resend safe:
  // it answers the stored result instead of ending the next meeting.
  {
    method: 'POST',
    path: '/series/:seriesId/meetings/:meetingId/start',
    body: { schema: StartMeetingBody, what: 'start' },
    handler: async ({ ctx, caller, params, body }) => ({
      record: await startMeetingCommand(ctx, { caller }, params.seriesId!, params.meetingId!, {
        ...(StartMeetingBody.parse(body)?.early ? { early: true } : {}),
      }),
    }),
  },
  {
    method: 'POST',
    path: '/series/:seriesId/meetings/:meetingId/end',
    handler: async ({ ctx, caller, params }) => ({
      records: closedRecords(
        await closeMeetingCommand(ctx, { caller }, params.seriesId!, params.meetingId!, {
          outcome: 'ended',
        }),
      ),
    }),
  },
  {
    method: 'POST',
    path: '/series/:seriesId/meetings/:meetingId/skip',
    body: { schema: SkipMeetingBody, what: 'skip' },
    handler: async ({ ctx, caller, params, body }) => ({
      records: closedRecords(await skipMeetingCommand(ctx, caller, params.seriesId!, params.meetingId!, body)),
    }),
  },
];

export const routeName = (route: Pick<ApiRoute, 'method' | 'path'>) => `${route.method} /api${route.path}`;
