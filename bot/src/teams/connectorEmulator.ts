import express, { type Request, type Router } from 'express';

/**
 * A stand-in for the Bot Framework connector service (the `serviceUrl` of a
 * Teams conversation), answering the calls this bot makes: send, reply and
 * update activities, list members, read meeting details. It records what the
 * bot sent so the local meeting page can show the chat, and the tests use it
 * as their fake connector. It never talks to Teams.
 */
export interface EmulatedMember {
  /** Teams user id (MRI), e.g. "29:1abc…". */
  id: string;
  name: string;
  aadObjectId: string;
  tenantId?: string;
  userPrincipalName?: string;
}

/** Shape of GET /v1/meetings/:id (TeamsMeetingInfo). */
export interface EmulatedMeetingInfo {
  details: {
    id: string;
    title?: string;
    type?: string;
    scheduledStartTime?: string;
    scheduledEndTime?: string;
    joinUrl?: string;
    msGraphResourceId?: string;
  };
  organizer?: { id?: string; aadObjectId?: string; tenantId?: string };
  conversation?: { id: string; isGroup?: boolean; conversationType?: string };
}

export interface RecordedRequest {
  method: 'POST' | 'PUT' | 'DELETE';
  conversationId: string;
  /** The id the activity has in the chat (new for a POST, the target for PUT/DELETE). */
  activityId: string;
  /** The activity replied to (POST …/activities/:id). */
  replyToId?: string;
  activity: ChatActivity;
  at: string;
}

export interface ChatActivity {
  type?: string;
  text?: string;
  textFormat?: string;
  attachments?: { contentType: string; content?: unknown }[];
  [key: string]: unknown;
}

/** What the chat shows now: each activity once, in the order posted, with its latest update. */
export interface ChatEntry {
  id: string;
  conversationId: string;
  postedAt: string;
  updatedAt?: string;
  deleted: boolean;
  activity: ChatActivity;
}

export interface ConnectorEmulatorOptions {
  /** Members answered for a conversation without its own list. */
  members?: EmulatedMember[];
  /** A prefix for activity ids, so two emulators in one test never hand out the same id. */
  idPrefix?: string;
}

export class ConnectorEmulator {
  readonly requests: RecordedRequest[] = [];
  private readonly membersByConversation = new Map<string, EmulatedMember[]>();
  private readonly meetings = new Map<string, EmulatedMeetingInfo>();
  private defaultMembers: EmulatedMember[];
  private nextId = 1;
  private readonly idPrefix: string;
  /** Failures to simulate: the next N calls to a path pattern answer this status. */
  private readonly failures: { pattern: RegExp; status: number; remaining: number }[] = [];

  constructor(options: ConnectorEmulatorOptions = {}) {
    this.defaultMembers = options.members ?? [];
    this.idPrefix = options.idPrefix ?? 'activity';
  }

  setMembers(conversationId: string | undefined, members: EmulatedMember[]): void {
    if (conversationId === undefined) this.defaultMembers = members;
    else this.membersByConversation.set(conversationId, members);
  }

  setMeetingInfo(meetingId: string, info: EmulatedMeetingInfo): void {
    this.meetings.set(meetingId, info);
  }

  failNext(pattern: RegExp, status: number, times = 1): void {
    this.failures.push({ pattern, status, remaining: times });
  }

  membersOf(conversationId: string): EmulatedMember[] {
    return this.membersByConversation.get(conversationId) ?? this.defaultMembers;
  }

  /** The chat as a person would see it now. */
  chat(conversationId?: string): ChatEntry[] {
    const entries = new Map<string, ChatEntry>();
    for (const request of this.requests) {
      if (conversationId !== undefined && request.conversationId !== conversationId) continue;
      const key = `${request.conversationId}\n${request.activityId}`;
      const existing = entries.get(key);
      if (request.method === 'POST') {
        entries.set(key, {
          id: request.activityId,
          conversationId: request.conversationId,
          postedAt: request.at,
          deleted: false,
          activity: request.activity,
        });
      } else if (existing && request.method === 'PUT') {
        entries.set(key, { ...existing, activity: { ...request.activity, id: existing.id }, updatedAt: request.at });
      } else if (existing) {
        entries.set(key, { ...existing, deleted: true, updatedAt: request.at });
      }
    }
    return [...entries.values()];
  }

  /** Activities the bot posted (not updates), optionally in one conversation. */
  posted(conversationId?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && (conversationId === undefined || r.conversationId === conversationId),
    );
  }

  router(): Router {
    const router = express.Router();
    router.use(express.json({ limit: '1mb' }));
    router.use((req, res, next) => {
      const failure = this.failures.find((f) => f.remaining > 0 && f.pattern.test(req.path));
      if (!failure) return next();
      failure.remaining--;
      res.status(failure.status).json({ error: { code: 'Simulated', message: 'simulated connector failure' } });
    });

    router.post('/v3/conversations/:conversationId/activities', (req, res) => {
      res.json({ id: this.record(req, 'POST') });
    });
    router.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
      res.json({ id: this.record(req, 'POST', param(req, 'activityId')) });
    });
    router.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
      res.json({ id: this.record(req, 'PUT') });
    });
    router.delete('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
      this.record(req, 'DELETE');
      res.status(200).end();
    });

    router.get('/v3/conversations/:conversationId/pagedmembers', (req, res) => {
      res.json({ members: this.membersOf(param(req, 'conversationId')) });
    });
    router.get('/v3/conversations/:conversationId/members', (req, res) => {
      res.json(this.membersOf(param(req, 'conversationId')));
    });
    router.get('/v3/conversations/:conversationId/members/:memberId', (req, res) => {
      const memberId = param(req, 'memberId');
      const member = this.membersOf(param(req, 'conversationId')).find(
        (m) => m.id === memberId || m.aadObjectId === memberId,
      );
      if (!member)
        return void res
          .status(404)
          .json({ error: { code: 'MemberNotFoundInConversation', message: 'member not found' } });
      res.json(member);
    });
    router.get('/v1/meetings/:meetingId', (req, res) => {
      const info = this.meetings.get(param(req, 'meetingId'));
      if (!info) return void res.status(404).json({ error: { code: 'NotFound', message: 'meeting not found' } });
      res.json(info);
    });
    router.use((req, res) => {
      res.status(404).json({ error: { code: 'NotEmulated', message: `${req.method} ${req.path} is not emulated` } });
    });
    return router;
  }

  private record(req: Request, method: RecordedRequest['method'], replyToId?: string): string {
    const activityId = method === 'POST' ? `${this.idPrefix}-${this.nextId++}` : param(req, 'activityId');
    const body: unknown = req.body;
    const activity = (typeof body === 'object' && body !== null ? body : {}) as ChatActivity;
    this.requests.push({
      method,
      conversationId: param(req, 'conversationId'),
      activityId,
      ...(replyToId ? { replyToId } : {}),
      activity,
      at: new Date().toISOString(),
    });
    return activityId;
  }
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}
