import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { fileURLToPath } from 'node:url';
import { freePort, outputMatches, startChild, type Child } from '../lib/children.js';
import { orderAfter, orderAtEnd } from './agendaOrder.js';
import type { AgendaEdit, Engine, Member, OnSeen, PairSession } from './types.js';

/**
 * Reference peer 1: Yjs with the y-websocket server (@y/websocket-server's
 * own executable, in-memory documents, no persistence configured). Each 1:1
 * is one Y.Doc whose agenda is a Y.Map of topics (each a Y.Map); every edit
 * also writes the driver's tag in the topic's `rev`, which is how the other
 * member's observer names the change it saw.
 */
const serverScript = fileURLToPath(new URL('../node_modules/@y/websocket-server/src/server.js', import.meta.url));

type TopicMap = Y.Map<string>;

function agendaOf(doc: Y.Doc): { id: string; order: string }[] {
  const topics = doc.getMap<TopicMap>('topics');
  return [...topics.entries()].map(([id, t]) => ({ id, order: t.get('order') ?? '' }));
}

function applyEdit(doc: Y.Doc, edit: AgendaEdit, tag: string): void {
  const topics = doc.getMap<TopicMap>('topics');
  doc.transact(() => {
    if (edit.kind === 'add') {
      const topic = new Y.Map<string>();
      topic.set('text', edit.text);
      topic.set('status', 'open');
      topic.set('order', orderAtEnd(agendaOf(doc)));
      topic.set('rev', tag);
      topics.set(edit.topicId, topic);
      return;
    }
    const topic = topics.get(edit.topicId);
    if (!topic) throw new Error(`topic ${edit.topicId} has not reached this member yet`);
    if (edit.kind === 'edit') topic.set('text', edit.text);
    if (edit.kind === 'discuss') topic.set('status', 'discussed');
    if (edit.kind === 'move') topic.set('order', orderAfter(agendaOf(doc), edit.topicId, edit.afterId));
    topic.set('rev', tag);
  });
}

function observeRemote(doc: Y.Doc, member: Member, onSeen: OnSeen): void {
  const topics = doc.getMap<TopicMap>('topics');
  topics.observeDeep((events, transaction) => {
    if (transaction.local) return;
    const seen = new Set<string>();
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent)) continue;
      if (event.target === topics) {
        for (const key of event.keysChanged) {
          const rev = topics.get(key)?.get('rev');
          if (rev) seen.add(rev);
        }
      } else if (event.keysChanged.has('rev')) {
        const rev = (event.target as TopicMap).get('rev');
        if (rev) seen.add(rev);
      }
    }
    for (const rev of seen) onSeen(rev, member);
  });
}

function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const handler = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', handler);
      resolve();
    };
    provider.on('sync', handler);
  });
}

export class YjsEngine implements Engine {
  readonly name = 'Yjs + y-websocket';
  readonly description = 'CRDT documents relayed by the y-websocket server, in memory (no persistence)';
  private child: Child | undefined;
  private url = '';

  get pid(): number {
    return this.child?.pid ?? -1;
  }

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `ws://127.0.0.1:${port}`;
    this.child = await startChild('y-websocket server', [serverScript], {
      env: { HOST: '127.0.0.1', PORT: String(port) },
      ready: outputMatches(/running at/),
    });
  }

  async openPair(index: number, onSeen: OnSeen): Promise<PairSession> {
    // Every WebsocketProvider in Node adds a process 'exit' listener; thousands are expected here.
    process.setMaxListeners(0);
    const room = `one-on-one-${index}`;
    const members = ([0, 1] as const).map((member) => {
      const doc = new Y.Doc();
      observeRemote(doc, member, onSeen);
      // disableBc: Node has BroadcastChannel, and clients in one process would otherwise bypass the server.
      const provider = new WebsocketProvider(this.url, room, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      return { doc, provider };
    });
    await Promise.all(members.map((m) => synced(m.provider)));
    return {
      edit: async (edit, by, tag) => {
        applyEdit(members[by]!.doc, edit, tag);
        return tag;
      },
      close: async () => {
        for (const m of members) {
          m.provider.destroy();
          m.doc.destroy();
        }
      },
    };
  }

  async stop(): Promise<void> {
    await this.child?.stop();
  }
}
