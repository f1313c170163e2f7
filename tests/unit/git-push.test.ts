import { describe, expect, it } from 'vitest';
import {
  checkReport,
  PushAnswerError,
  PushRefusedError,
  readPktLines,
} from '../../electron/services/repository/git-push';

const encoder = new TextEncoder();
const pkt = (text: string) => `${(encoder.encode(text).byteLength + 4).toString(16).padStart(4, '0')}${text}`;
const bytes = (text: string) => encoder.encode(text);
const ref = 'refs/heads/main';

describe('reading the answer to a push', () => {
  it('reads pkt-lines up to the flush, without their newlines', () => {
    const answer = bytes(`${pkt('unpack ok\n')}${pkt(`ok ${ref}\n`)}0000`);
    expect(readPktLines(answer)).toEqual(['unpack ok', `ok ${ref}`]);
  });

  it('counts lengths in bytes, so words beyond ASCII do not throw it off', () => {
    const answer = bytes(`${pkt('unpack ok\n')}${pkt(`ng ${ref} hook said “no”\n`)}0000`);
    expect(readPktLines(answer)).toEqual(['unpack ok', `ng ${ref} hook said “no”`]);
  });

  it('calls an answer cut off, or garbled, a fault of the network, not a refusal', () => {
    const whole = `${pkt('unpack ok\n')}${pkt(`ok ${ref}\n`)}0000`;
    for (let cut = 0; cut < whole.length - 4; cut += 1) {
      expect(() => readPktLines(bytes(whole.slice(0, cut)))).toThrow(PushAnswerError);
    }
    expect(() => readPktLines(bytes('zzzzunpack ok'))).toThrow(PushAnswerError);
    expect(() => readPktLines(bytes('0002'))).toThrow(PushAnswerError);
  });
});

describe('what a report says about the branch', () => {
  it('returns when the branch was updated', () => {
    expect(() => checkReport(['unpack ok', `ok ${ref}`], ref)).not.toThrow();
  });

  it('refuses with the server’s reason', () => {
    for (const reason of ['fetch first', 'non-fast-forward', 'failed to lock', 'pre-receive hook declined']) {
      const refusal = (() => {
        try {
          checkReport(['unpack ok', `ng ${ref} ${reason}`], ref);
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(refusal).toBeInstanceOf(PushRefusedError);
      expect((refusal as PushRefusedError).reason).toBe(reason);
    }
  });

  it('treats a pack the server could not unpack, or a report without the branch, as a fault to retry', () => {
    expect(() => checkReport(['unpack index-pack abnormal exit', `ng ${ref} unpacker error`], ref)).toThrow(
      PushAnswerError,
    );
    expect(() => checkReport(['unpack ok', 'ok refs/heads/other'], ref)).toThrow(PushAnswerError);
    expect(() => checkReport([], ref)).toThrow(PushAnswerError);
  });
});
