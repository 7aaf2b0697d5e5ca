import type { Page, WebSocket } from 'playwright-core';

/**
 * Everything the frames of a page received over the network (HTTP response
 * bodies and WebSocket messages), grouped by which frame they reached. A
 * frame is named by a piece of its URL (`dev=manager`). WebSockets carry no
 * frame: they are attributed by their Engine.IO session id, which the frame
 * received in its HTTP handshake, or by the frame's token, if the socket
 * sent it.
 */
export function watchFrameTraffic(page: Page, tokens: Record<string, string>) {
  const keys = Object.keys(tokens);
  const http = new Map<string, string[]>(keys.map((k) => [k, []]));
  const sidOwner = new Map<string, string>();
  const sockets: { ws: WebSocket; received: string[]; sentBy?: string }[] = [];
  const pending: Promise<void>[] = [];

  const onResponse = (response: import('playwright-core').Response) => {
    let url: string;
    try {
      url = response.frame().url();
    } catch {
      return;
    }
    const key = keys.find((k) => url.includes(k));
    if (!key) return;
    pending.push(
      response.text().then(
        (body) => {
          http.get(key)!.push(body);
          for (const match of body.matchAll(/"sid":"([^"]+)"/g)) sidOwner.set(match[1]!, key);
        },
        () => undefined,
      ),
    );
  };
  const onSocket = (ws: WebSocket) => {
    const entry: (typeof sockets)[number] = { ws, received: [] };
    sockets.push(entry);
    ws.on('framereceived', (frame) => entry.received.push(String(frame.payload)));
    ws.on('framesent', (frame) => {
      const payload = String(frame.payload);
      entry.sentBy ??= keys.find((k) => payload.includes(tokens[k]!));
    });
  };
  page.on('response', onResponse);
  page.on('websocket', onSocket);

  return {
    /** WebSocket messages received by the frame so far. */
    socketMessages(key: string): string[] {
      return sockets
        .filter(({ ws, sentBy }) => {
          const sid = new URL(ws.url()).searchParams.get('sid');
          return (sid ? sidOwner.get(sid) : undefined) === key || sentBy === key;
        })
        .flatMap((s) => s.received);
    },
    /** Bodies and messages received by the frame so far (call after `settled`). */
    received(key: string): string[] {
      const socketMessages = sockets
        .filter(({ ws, sentBy }) => {
          const sid = new URL(ws.url()).searchParams.get('sid');
          return (sid ? sidOwner.get(sid) : undefined) === key || sentBy === key;
        })
        .flatMap((s) => s.received);
      return [...(http.get(key) ?? []), ...socketMessages];
    },
    /** Waits for response bodies still being read. */
    settled: () => Promise.all(pending).then(() => undefined),
    stop() {
      page.off('response', onResponse);
      page.off('websocket', onSocket);
    },
  };
}
