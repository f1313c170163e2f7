import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../electron/services/event-hub';

describe('event hub', () => {
  it('delivers to every subscriber until it unsubscribes', () => {
    const hub = createEventHub();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = hub.subscribe((message) => first.push(message));
    hub.subscribe((message) => second.push(message));
    hub.emit('app.pong', { nonce: 'a', sentAt: 1 });
    stopFirst();
    hub.emit('app.pong', { nonce: 'b', sentAt: 2 });
    expect(first).toEqual([{ name: 'app.pong', payload: { nonce: 'a', sentAt: 1 } }]);
    expect(second).toHaveLength(2);
  });

  it('refuses a payload the contract does not allow', () => {
    const hub = createEventHub();
    const received: unknown[] = [];
    hub.subscribe((message) => received.push(message));
    expect(() => hub.emit('app.pong', { nonce: 'a', sentAt: 1.5 })).toThrow();
    expect(received).toEqual([]);
  });
});
