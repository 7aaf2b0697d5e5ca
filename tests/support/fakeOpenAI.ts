import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat-completions endpoint on 127.0.0.1, recording
 * every request it gets, so a test can check what the service sent to the
 * model (and what it did not send).
 */
export interface FakeOpenAI {
  /** Base URL to configure as OPENAI_BASE_URL (ends in /v1). */
  baseUrl: string;
  requests: { path: string; authorization: string | undefined; body: unknown; raw: string }[];
  /** What the model answers. */
  reply: string;
  stop(): Promise<void>;
}

export async function startFakeOpenAI(reply = 'You talked about growth and agreed next steps.'): Promise<FakeOpenAI> {
  const fake: FakeOpenAI = { baseUrl: '', requests: [], reply, stop: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      fake.requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body, raw });
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const model = (body as { model?: string } | undefined)?.model ?? 'fake-model';
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${fake.requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: fake.reply }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.baseUrl = `http://127.0.0.1:${port}/v1`;
  fake.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
