import { describe, expect, it } from 'vitest';
import { createEventStreamParser } from '../../renderer/src/platform/http-transport';

describe('event stream parser', () => {
  it('joins events split across chunks and ignores comments', () => {
    const received: string[] = [];
    const parse = createEventStreamParser((data) => received.push(data));
    parse(': connected\n\ndata: {"a"');
    parse(':1}\n\n');
    parse('data: one\r\ndata: two\r\n\r\n: heartbeat\n\n');
    expect(received).toEqual(['{"a":1}', 'one\ntwo']);
  });
});
