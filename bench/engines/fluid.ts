import { TinyliciousClient } from '@fluidframework/tinylicious-client';
import { ConnectionState, type ContainerSchema, type IFluidContainer } from 'fluid-framework';
import { SharedMap, type ISharedMap } from 'fluid-framework/legacy';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startChild, waitForHttp, type Child } from '../lib/children.js';
import { orderAfter, orderAtEnd } from './agendaOrder.js';
import type { AgendaEdit, Engine, Member, OnSeen, PairSession } from './types.js';

/**
 * Reference peer 2: the Fluid Framework (the engine under Teams Live Share)
 * on tinylicious, its local reference ordering service, in a child process.
 * Each 1:1 is one container with a SharedMap of topics (plain JSON values);
 * every edit rewrites one topic with the driver's tag in `rev`.
 */
const tinyliciousMain = fileURLToPath(new URL('../node_modules/tinylicious/dist/index.js', import.meta.url));

// Fluid's container runtime reads `navigator.hardwareConcurrency`; Node 20 has no `navigator` global (21+ has).
if (!('navigator' in globalThis)) {
  Object.defineProperty(globalThis, 'navigator', {
    value: { hardwareConcurrency: availableParallelism() },
    configurable: true,
  });
}

const schema = { initialObjects: { topics: SharedMap } } satisfies ContainerSchema;
type AgendaContainer = IFluidContainer<typeof schema>;

interface TopicValue {
  text: string;
  status: 'open' | 'discussed';
  order: string;
  rev: string;
}

function topicsOf(container: AgendaContainer): ISharedMap {
  return container.initialObjects.topics;
}

function agendaOf(map: ISharedMap): { id: string; order: string }[] {
  return [...map.entries()].map(([id, value]) => ({ id, order: (value as TopicValue).order }));
}

function applyEdit(map: ISharedMap, edit: AgendaEdit, tag: string): void {
  if (edit.kind === 'add') {
    map.set<TopicValue>(edit.topicId, { text: edit.text, status: 'open', order: orderAtEnd(agendaOf(map)), rev: tag });
    return;
  }
  const topic = map.get<TopicValue>(edit.topicId);
  if (!topic) throw new Error(`topic ${edit.topicId} has not reached this member yet`);
  const next: TopicValue = { ...topic, rev: tag };
  if (edit.kind === 'edit') next.text = edit.text;
  if (edit.kind === 'discuss') next.status = 'discussed';
  if (edit.kind === 'move') next.order = orderAfter(agendaOf(map), edit.topicId, edit.afterId);
  map.set(edit.topicId, next);
}

function connected(container: AgendaContainer): Promise<void> {
  if (container.connectionState === ConnectionState.Connected) return Promise.resolve();
  return new Promise((resolve) => container.once('connected', () => resolve()));
}

export class FluidEngine implements Engine {
  readonly name = 'Fluid + tinylicious';
  readonly description = 'SharedMap ops sequenced by tinylicious (in-memory op log, summaries on local disk)';
  private child: Child | undefined;
  private client: TinyliciousClient | undefined;
  private storageDir = '';

  get pid(): number {
    return this.child?.pid ?? -1;
  }

  async start(): Promise<void> {
    const port = await freePort();
    this.storageDir = mkdtempSync(join(tmpdir(), 'bench-tinylicious-'));
    // tinylicious reads its settings through nconf: `storage` and `logger__level` override config.json.
    this.child = await startChild('tinylicious', [tinyliciousMain], {
      env: { PORT: String(port), storage: this.storageDir, logger__level: 'warn', logger__colorize: 'false' },
      ready: () => waitForHttp(`http://127.0.0.1:${port}/`),
    });
    this.client = new TinyliciousClient({ connection: { port, domain: 'http://127.0.0.1' } });
  }

  async openPair(_index: number, onSeen: OnSeen): Promise<PairSession> {
    const client = this.client!;
    const { container: first } = await client.createContainer(schema, '2');
    const id = await first.attach();
    const { container: second } = await client.getContainer(id, schema, '2');
    const containers = [first, second] as const;
    containers.forEach((container, member) => {
      topicsOf(container).on('valueChanged', (changed, local) => {
        if (local) return;
        const rev = topicsOf(container).get<TopicValue>(changed.key)?.rev;
        if (rev) onSeen(rev, member as Member);
      });
    });
    await Promise.all(containers.map(connected));
    return {
      edit: async (edit, by, tag) => {
        applyEdit(topicsOf(containers[by]), edit, tag);
        return tag;
      },
      close: async () => {
        for (const c of containers) c.dispose();
      },
    };
  }

  async stop(): Promise<void> {
    await this.child?.stop();
    if (this.storageDir) rmSync(this.storageDir, { recursive: true, force: true });
  }
}
