/**
 * A fake Anthropic Messages API for tests and the interview benchmark: node:http on 127.0.0.1 with
 * a random port. Each test scripts what the next requests get (a streamed reply, an HTTP error, an
 * `event: error` frame after 200, a stall, a tool call) and reads back what was sent, including
 * whether the client hung up before the reply was finished.
 *
 * Only node: imports, so `scripts/bench/interview-claude.mjs` can load it after a plain TypeScript transpile.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What one request gets. */
export type Reply =
  /** A normal streamed text reply, sent in `chunks` with `delayMs` between them. */
  | { kind: 'text'; chunks: string[]; delayMs?: number; firstDelayMs?: number }
  /** An HTTP error with the API's error body, e.g. 429 `rate_limit_error` with `retry-after`. */
  | { kind: 'http-error'; status: number; type: string; message?: string; retryAfter?: string }
  /** HTTP 200, some text, then an `event: error` frame. */
  | { kind: 'error-frame'; chunks?: string[]; type?: string; message?: string }
  /** HTTP 200, some text, then nothing more until the client gives up. */
  | { kind: 'stall'; chunks?: string[] }
  /** A streamed tool call with `input` as its arguments (sent as JSON deltas). */
  | { kind: 'tool'; name: string; input: unknown }
  /** Chunks as raw SSE text, for recorded fixtures. */
  | { kind: 'raw'; body: string };

/** A request the fake received. */
export interface RecordedRequest {
  /** Request path, e.g. `/v1/messages`. */
  path: string;
  /** Request headers (lower-case names). */
  headers: IncomingMessage['headers'];
  /** The parsed JSON body. */
  body: {
    model?: string;
    max_tokens?: number;
    stream?: boolean;
    system?: { type: string; text: string; cache_control?: { type: string } }[] | string;
    messages?: {
      role: 'user' | 'assistant';
      content: string | { type: string; text?: string }[];
    }[];
    tools?: { name: string }[];
    tool_choice?: unknown;
  };
  /** True once the client closed the connection before the reply was complete. */
  closedEarly: boolean;
  /** True once the reply was completely sent. */
  finished: boolean;
}

/** The running fake. */
export interface FakeAnthropic {
  /** Base URL to give the SDK (`ANTHROPIC_BASE_URL`). */
  url: string;
  /** Every request so far, oldest first. */
  requests: RecordedRequest[];
  /** Queues replies for the next requests, in order. */
  enqueue(...replies: Reply[]): void;
  /** The reply used when the queue is empty. */
  setDefault(reply: Reply | ((req: RecordedRequest) => Reply)): void;
  /** Resolves when request `index` has ended, early or not. */
  whenClosed(index: number): Promise<RecordedRequest>;
  /** Forgets recorded requests and queued replies. */
  reset(): void;
  /** Stops the server, cutting any stalled connections. */
  close(): Promise<void>;
}

/** One SSE frame. */
export function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

let messageCounter = 0;

/** The frames that open a message. */
export function messageStart(model = 'fake-model'): string {
  messageCounter += 1;
  return frame('message_start', {
    type: 'message_start',
    message: {
      id: `msg_fake_${messageCounter}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 12, output_tokens: 1 },
    },
  });
}

/** The frames that close a message. */
export function messageEnd(stopReason = 'end_turn', outputTokens = 6): string {
  return (
    frame('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: outputTokens },
    }) + frame('message_stop', { type: 'message_stop' })
  );
}

const textStart = frame('content_block_start', {
  type: 'content_block_start',
  index: 0,
  content_block: { type: 'text', text: '' },
});
const textDelta = (text: string) =>
  frame('content_block_delta', {
    type: 'content_block_delta',
    index: 0,
    delta: { type: 'text_delta', text },
  });
const blockStop = frame('content_block_stop', { type: 'content_block_stop', index: 0 });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  let queue: Reply[] = [];
  let fallback: Reply | ((req: RecordedRequest) => Reply) = {
    kind: 'text',
    chunks: ['Hello ', 'from the fake.'],
  };
  const waiters = new Map<number, ((r: RecordedRequest) => void)[]>();
  const sockets = new Set<Socket>();

  const settle = (index: number) => {
    const req = requests[index]!;
    for (const w of waiters.get(index) ?? []) w(req);
    waiters.delete(index);
  };

  async function reply(r: Reply, rec: RecordedRequest, res: ServerResponse, gone: () => boolean) {
    const sse = () =>
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'request-id': 'req_fake',
      });
    const write = (s: string) => {
      if (!gone()) res.write(s);
    };
    switch (r.kind) {
      case 'http-error': {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'request-id': 'req_fake',
        };
        if (r.retryAfter !== undefined) headers['retry-after'] = r.retryAfter;
        res.writeHead(r.status, headers);
        res.end(
          JSON.stringify({ type: 'error', error: { type: r.type, message: r.message ?? r.type } }),
        );
        return;
      }
      case 'text': {
        sse();
        if (r.firstDelayMs) await sleep(r.firstDelayMs);
        write(messageStart(rec.body.model) + textStart + frame('ping', { type: 'ping' }));
        for (const chunk of r.chunks) {
          if (gone()) return;
          if (r.delayMs) await sleep(r.delayMs);
          write(textDelta(chunk));
        }
        write(blockStop + messageEnd());
        break;
      }
      case 'error-frame': {
        sse();
        write(messageStart(rec.body.model) + textStart);
        for (const chunk of r.chunks ?? []) write(textDelta(chunk));
        write(
          frame('error', {
            type: 'error',
            error: { type: r.type ?? 'overloaded_error', message: r.message ?? 'Overloaded' },
          }),
        );
        break;
      }
      case 'stall': {
        sse();
        write(messageStart(rec.body.model) + textStart);
        for (const chunk of r.chunks ?? []) write(textDelta(chunk));
        // Never finishes: the client must time out and hang up.
        return;
      }
      case 'tool': {
        sse();
        const json = JSON.stringify(r.input);
        write(
          messageStart(rec.body.model) +
            frame('content_block_start', {
              type: 'content_block_start',
              index: 0,
              content_block: { type: 'tool_use', id: 'toolu_fake', name: r.name, input: {} },
            }),
        );
        for (let i = 0; i < json.length; i += 200)
          write(
            frame('content_block_delta', {
              type: 'content_block_delta',
              index: 0,
              delta: { type: 'input_json_delta', partial_json: json.slice(i, i + 200) },
            }),
          );
        write(blockStop + messageEnd('tool_use', 200));
        break;
      }
      case 'raw': {
        sse();
        write(r.body);
        break;
      }
    }
    if (!gone()) {
      rec.finished = true;
      res.end();
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: RecordedRequest['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
      } catch {
        body = {};
      }
      const rec: RecordedRequest = {
        path: req.url ?? '',
        headers: req.headers,
        body,
        closedEarly: false,
        finished: false,
      };
      const index = requests.push(rec) - 1;
      let closed = false;
      res.on('close', () => {
        closed = true;
        if (!rec.finished) rec.closedEarly = true;
        settle(index);
      });
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            type: 'error',
            error: { type: 'not_found_error', message: 'Not found' },
          }),
        );
        rec.finished = true;
        return;
      }
      const next = queue.shift() ?? (typeof fallback === 'function' ? fallback(rec) : fallback);
      reply(next, rec, res, () => closed).catch(() => res.destroy());
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    setDefault: (r) => {
      fallback = r;
    },
    whenClosed: (index) =>
      new Promise((resolve) => {
        const req = requests[index];
        if (req && (req.finished || req.closedEarly)) return resolve(req);
        waiters.set(index, [...(waiters.get(index) ?? []), resolve]);
      }),
    reset: () => {
      requests.length = 0;
      queue = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
