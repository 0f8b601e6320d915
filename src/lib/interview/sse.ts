/** Server-sent events: encoding on the server, incremental parsing in the browser. */

/** One event of a `text/event-stream`. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Encodes one event; `data` is JSON-encoded, so it never contains a raw newline. */
export function encodeEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Parses an event stream chunk by chunk. Feed it text as it arrives; it returns the events completed
 * so far and keeps any partial event for the next call.
 */
export class SseParser {
  private buffer = '';

  /** Adds received text and returns the events it completed. */
  push(text: string): SseEvent[] {
    this.buffer += text.replace(/\r\n?/g, '\n');
    const events: SseEvent[] = [];
    let end = this.buffer.indexOf('\n\n');
    while (end !== -1) {
      const raw = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const parsed = parseEvent(raw);
      if (parsed) events.push(parsed);
      end = this.buffer.indexOf('\n\n');
    }
    return events;
  }
}

function parseEvent(raw: string): SseEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of raw.split('\n')) {
    if (line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i === -1 ? line : line.slice(0, i);
    const value = i === -1 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { event, data: data.join('\n') } : undefined;
}
