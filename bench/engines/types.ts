/**
 * One real-time engine under the benchmark: a server in its own child
 * process (so its CPU and memory can be read from /proc) and the clients of
 * the two members of each 1:1, in the load generator.
 */
export type Member = 0 | 1;

/** One agenda edit, the same for every engine. */
export type AgendaEdit =
  | { kind: 'add'; topicId: string; text: string }
  | { kind: 'edit'; topicId: string; text: string }
  | { kind: 'move'; topicId: string; afterId: string | null }
  | { kind: 'discuss'; topicId: string };

export type EditKind = AgendaEdit['kind'];

/**
 * Called by a member's client for every change it receives; `key` names the
 * change the same way `PairSession.edit` does, so the driver can match them.
 */
export type OnSeen = (key: string, receiver: Member) => void;

export interface PairSession {
  /**
   * Makes `edit` as member `by`, resolving once the change has left that
   * member's client (acknowledged by the server where the engine has acks),
   * with the key the other member's client will report when it sees it.
   */
  edit(edit: AgendaEdit, by: Member, tag: string): Promise<string>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: string;
  /** What the engine is, for the table ("1:1 Companion service: REST + Socket.IO + Cosmos"). */
  readonly description: string;
  /** Starts the server child process and prepares `pairs` 1:1s. */
  start(pairs: number): Promise<void>;
  /** Pid of the server child, for CPU and memory. */
  readonly pid: number;
  openPair(index: number, onSeen: OnSeen): Promise<PairSession>;
  /** Optional: called around the measured window (the service child profiles it and measures its event loop). */
  beginWindow?(): Promise<void>;
  endWindow?(): Promise<Record<string, unknown>>;
  /** Stops the server child; `graceful` lets it write its CPU profile. */
  stop(): Promise<void>;
}
