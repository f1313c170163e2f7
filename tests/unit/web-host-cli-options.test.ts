import { describe, expect, it } from 'vitest';
import { cliUsage, parseCliOptions } from '../../electron/web-host/cli-options';

describe('the web host command line', () => {
  it('answers --help and -h with the usage', () => {
    for (const flag of ['--help', '-h']) {
      expect(parseCliOptions([flag])).toEqual({ kind: 'help', text: cliUsage });
    }
    expect(cliUsage).toContain('--port');
    expect(cliUsage).toContain('--data-dir');
  });

  it('reads the port and the data folder', () => {
    expect(parseCliOptions([])).toEqual({ kind: 'run', port: 0, dataDir: undefined });
    expect(parseCliOptions(['--port', '8080', '--data-dir', '/tmp/x'])).toEqual({
      kind: 'run',
      port: 8080,
      dataDir: '/tmp/x',
    });
  });

  it('names an unknown option, a missing value or a stray argument in one line', () => {
    expect(parseCliOptions(['--bogus'])).toEqual({
      kind: 'error',
      message: "Unknown option '--bogus'. Run with --help to see the options.",
    });
    for (const args of [['--port'], ['stray'], ['--data-dir'], ['--help=yes']]) {
      const request = parseCliOptions(args);
      expect(request.kind, args.join(' ')).toBe('error');
      if (request.kind === 'error') expect(request.message).toMatch(/--help to see the options\.$/);
    }
  });

  it('refuses a port that is not a whole number from 0 to 65535', () => {
    for (const port of ['-1', '65536', '1.5', 'eighty', '', '0x50']) {
      expect(parseCliOptions(['--port', port]), port).toMatchObject({ kind: 'error' });
    }
    expect(parseCliOptions(['--port', '65535'])).toMatchObject({ kind: 'run', port: 65535 });
  });
});
