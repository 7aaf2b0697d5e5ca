import { z } from 'zod/v4';
import {
  ActionItem,
  Cadence,
  ClientRecordId,
  IsoDate,
  IsoDateTime,
  Meeting,
  Member,
  PrivateNote,
  RecordId,
  Series,
  SharedNote,
  TEXT_LIMITS,
  Topic,
  TopicCategory,
  TopicStatus,
} from './entities.js';
import { TemplateId } from './templateIds.js';

/**
 * Request and response bodies of the REST API, shared by the service (which
 * validates requests) and the tab (which parses responses). Routes live under
 * `/api/series/:seriesId/...`; see bot/src/routes/apiRoutes.ts.
 */

/**
 * The record version the person started editing from. When a field this edit
 * changes was changed by someone else after it, the edit is refused with 409
 * `edit_conflict` and the current record (see domain/editConflicts.ts).
 * Without it, the edit applies over whatever is stored (cards, older clients).
 */
const BaseVersion = z.number().int().nonnegative().optional();

/** Over-long text is refused with its length, never cut: the person decides what to leave out. */
const trimmed = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, { error: (issue) => tooLong(what, max, issue.input) });

function tooLong(what: string, max: number, input: unknown): string {
  const length = typeof input === 'string' ? input.length : undefined;
  return `${what} must be at most ${max} characters${length === undefined ? '' : ` (it has ${length})`}; shorten it and try again`;
}

export const AddTopicBody = z.strictObject({
  id: ClientRecordId,
  text: trimmed(TEXT_LIMITS.topic, 'Topic text'),
  category: TopicCategory.default('work'),
  /** Defaults to the series' current meeting. */
  meetingId: RecordId.optional(),
  /** 'question' when picked from the question bank; templates are applied with ApplyTemplateBody. */
  source: z.enum(['member', 'question']).default('member'),
});
export type AddTopicBody = z.input<typeof AddTopicBody>;

export const EditTopicBody = z
  .strictObject({
    text: trimmed(TEXT_LIMITS.topic, 'Topic text').optional(),
    category: TopicCategory.optional(),
    status: TopicStatus.optional(),
    baseVersion: BaseVersion,
  })
  .refine(
    ({ baseVersion: _base, ...fields }) => Object.values(fields).some((v) => v !== undefined),
    'Nothing to change: send text, category or status.',
  );
export type EditTopicBody = z.input<typeof EditTopicBody>;

export const MoveTopicBody = z.strictObject({
  /** The topic to place it right after; null moves it to the top. */
  afterId: RecordId.nullable(),
});
export type MoveTopicBody = z.input<typeof MoveTopicBody>;

export const AddActionItemBody = z.strictObject({
  id: ClientRecordId,
  text: trimmed(TEXT_LIMITS.actionItem, 'Action item text'),
  ownerId: z.string().min(1).max(128),
  dueDate: IsoDate.optional(),
  topicId: RecordId.optional(),
});
export type AddActionItemBody = z.input<typeof AddActionItemBody>;

export const EditActionItemBody = z
  .strictObject({
    text: trimmed(TEXT_LIMITS.actionItem, 'Action item text').optional(),
    ownerId: z.string().min(1).max(128).optional(),
    /** null clears the due date. */
    dueDate: IsoDate.nullable().optional(),
    done: z.boolean().optional(),
    baseVersion: BaseVersion,
  })
  .refine(
    ({ baseVersion: _base, ...fields }) => Object.values(fields).some((v) => v !== undefined),
    'Nothing to change: send text, ownerId, dueDate or done.',
  );
export type EditActionItemBody = z.input<typeof EditActionItemBody>;

export const PutNoteBody = z.strictObject({
  text: z.string().max(TEXT_LIMITS.note, { error: (issue) => tooLong('A note', TEXT_LIMITS.note, issue.input) }),
});
export type PutNoteBody = z.input<typeof PutNoteBody>;

export const PutPrivateNoteBody = z.strictObject({
  text: z.string().max(TEXT_LIMITS.privateNote, {
    error: (issue) => tooLong('A private note', TEXT_LIMITS.privateNote, issue.input),
  }),
});
export type PutPrivateNoteBody = z.input<typeof PutPrivateNoteBody>;

export const ApplyTemplateBody = z.strictObject({ templateId: TemplateId });
export type ApplyTemplateBody = z.input<typeof ApplyTemplateBody>;

export const SkipMeetingBody = z.strictObject({ outcome: z.enum(['skipped', 'cancelled']).default('skipped') });
export type SkipMeetingBody = z.input<typeof SkipMeetingBody>;

/**
 * `early: true` confirms holding the meeting more than a day before its slot;
 * without it such a start answers 409 `early_start` (domain/occurrence.ts).
 * The body may be left out.
 */
export const StartMeetingBody = z.strictObject({ early: z.boolean().optional() }).optional();
export type StartMeetingBody = z.input<typeof StartMeetingBody>;

export const UpdateCadenceBody = z.strictObject({ cadence: Cadence });
export type UpdateCadenceBody = z.input<typeof UpdateCadenceBody>;

/** Who is looking: resolved by the service from the verified token, never sent by the client. */
export const Viewer = Member;
export type Viewer = z.infer<typeof Viewer>;

/** A position in a series' past meetings, newest first: the oldest meeting already shown. */
export const HistoryCursor = z.object({ scheduledStart: IsoDateTime, id: RecordId });
export type HistoryCursor = z.infer<typeof HistoryCursor>;

/** What a panel load says about the past it does not carry (see domain/history.ts). */
export const PanelHistory = z.object({
  /** Meetings held, skipped or cancelled, in all. */
  pastMeetings: z.number().int().nonnegative(),
  /** Page older meetings from here (GET …/history); null when the load already carries them all. */
  before: HistoryCursor.nullable(),
});
export type PanelHistory = z.infer<typeof PanelHistory>;

export const HISTORY_PAGE_MAX = 20;

/** `GET /api/series/:seriesId/history?before=…&beforeId=…&limit=…` (query string). */
export const HistoryQuery = z
  .strictObject({
    before: IsoDateTime.optional(),
    beforeId: RecordId.optional(),
    limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).default(10),
  })
  .refine((q) => (q.before === undefined) === (q.beforeId === undefined), {
    message: 'before and beforeId go together (both from the previous page), or neither for the newest page',
  });
export type HistoryQuery = z.input<typeof HistoryQuery>;

/** One page of past meetings, newest first, with everything the history view shows of them. */
export const HistoryPage = z.object({
  meetings: z.array(Meeting),
  topics: z.array(Topic),
  actionItems: z.array(ActionItem),
  sharedNotes: z.array(SharedNote),
  /** The caller's own private notes only. */
  privateNotes: z.array(PrivateNote),
  /** The next (older) page; null when this was the last. */
  before: HistoryCursor.nullable(),
});
export type HistoryPage = z.infer<typeof HistoryPage>;

/**
 * What one member sees of a series when the panel opens: the current
 * meeting, the recent past the health strip and "From last time" need, and
 * a summary of the rest (older meetings page on demand).
 */
export const PanelState = z.object({
  viewer: Viewer,
  series: Series,
  meetings: z.array(Meeting),
  topics: z.array(Topic),
  actionItems: z.array(ActionItem),
  sharedNotes: z.array(SharedNote),
  /** The viewer's own private notes only. */
  privateNotes: z.array(PrivateNote),
  history: PanelHistory,
});
export type PanelState = z.infer<typeof PanelState>;

export const SeriesSummary = z.object({
  id: RecordId,
  title: z.string(),
  members: z.array(Member),
});
export const SeriesList = z.object({ series: z.array(SeriesSummary) });
export type SeriesList = z.infer<typeof SeriesList>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.string()).optional(),
    /** edit_conflict: the record as it is now (nothing was changed). */
    current: z.discriminatedUnion('type', [Topic, ActionItem]).optional(),
    /** edit_conflict: the fields changed by someone else since the edit's base version. */
    fields: z.array(z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Every write answers with the records it changed (usually one). */
export const RecordResponse = z.object({ record: ChangedRecordSchema() });
export type RecordResponse = z.infer<typeof RecordResponse>;
export const RecordsResponse = z.object({ records: z.array(ChangedRecordSchema()) });
export type RecordsResponse = z.infer<typeof RecordsResponse>;

function ChangedRecordSchema() {
  return z.discriminatedUnion('type', [Series, Meeting, Topic, ActionItem, SharedNote, PrivateNote]);
}

/**
 * The routes themselves (method, path, body schema, handler) are one table in
 * the service: bot/src/routes/apiRoutes.ts. All JSON, `Authorization: Bearer
 * <token>`; errors answer ErrorBody. Both PATCHes take an optional baseVersion:
 * a stale one that touches a field changed since answers 409 edit_conflict.
 * Dev mode only (404 otherwise):
 *   GET    /api/dev/session -> DevSession: the demo series and a signed token per member
 *   GET    /api/dev/home-session -> DevSession, after also setting up the demo manager's two other 1:1s
 */
export const DevSession = z.object({
  seriesId: RecordId,
  identities: z.array(
    z.object({ role: z.enum(['manager', 'report']), userId: z.string(), name: z.string(), token: z.string() }),
  ),
});
export type DevSession = z.infer<typeof DevSession>;
