import type { TransportDriver } from './platform';

const retryDelayMs = 2_000;

/** Splits a server-sent event stream into the `data` of each event. */
export function createEventStreamParser(onData: (data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''));
      if (data.length > 0) onData(data.join('\n'));
      end = buffer.indexOf('\n\n');
    }
  };
}

/**
 * Browser mode: calls are POSTed to the web host, and events arrive as server-sent events read
 * through fetch. Both carry the host's HttpOnly session cookie, which the page never sees (the
 * host sets it when the printed address is opened; see electron/web-host/server.ts).
 */
export function createHttpTransport(origin: string): TransportDriver {
  return {
    kind: 'web',
    async send(channel, input) {
      const response = await fetch(`${origin}/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input),
      });
      return response.json() as Promise<unknown>;
    },
    listen(listener, onStatus) {
      const controller = new AbortController();
      const parse = createEventStreamParser((data) => {
        try {
          listener(JSON.parse(data));
        } catch {
          // A malformed event is dropped; the platform validates everything it delivers.
        }
      });
      const stopped = () => controller.signal.aborted;
      const connect = async (): Promise<void> => {
        while (!stopped()) {
          try {
            const response = await fetch(`${origin}/api/events`, {
              credentials: 'same-origin',
              signal: controller.signal,
            });
            if (!response.ok || response.body === null) throw new Error('no event stream');
            onStatus?.('answering');
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              parse(value);
            }
          } catch {
            // The host went away or the stream broke: wait, then reconnect unless stopped.
          }
          if (!stopped()) onStatus?.('unreachable');
          if (!stopped()) await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        }
      };
      void connect();
      return () => controller.abort();
    },
  };
}
