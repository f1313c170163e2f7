import { parseArgs } from 'node:util';

/** What `node build/web-host/cli.js` was asked to do, decided without side effects so it can be unit-tested. */
export type CliRequest =
  | { kind: 'run'; port: number; dataDir: string | undefined }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

export const cliUsage = `Usage: node build/web-host/cli.js [options]

Runs Chorus in browser mode: serves the app on this computer only (127.0.0.1) and prints
the address to open in Chromium.

Options:
  --port <number>      The port to listen on, from 0 to 65535. 0, the default, picks a free one.
  --data-dir <folder>  Where Chorus keeps its settings and the local copy of the repository.
                       Default: $XDG_DATA_HOME/chorus-web, or ~/.local/share/chorus-web.
  -h, --help           Show this help and stop.
`;

const options = {
  port: { type: 'string', default: '0' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** `parseArgs` names the problem in its own words; the person gets one line and where to look. */
function describeParseError(error: unknown): string {
  const detail = error instanceof Error ? error.message.split('.')[0] : 'The options could not be read';
  return `${detail}. Run with --help to see the options.`;
}

export function parseCliOptions(args: readonly string[]): CliRequest {
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    return { kind: 'error', message: describeParseError(error) };
  }
  if (values.help === true) return { kind: 'help', text: cliUsage };
  const port = values.port ?? '0';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    return { kind: 'error', message: `--port must be a whole number from 0 to 65535, not "${port}".` };
  }
  const dataDir = values['data-dir'];
  if (dataDir?.trim() === '') return { kind: 'error', message: '--data-dir needs a folder.' };
  return { kind: 'run', port: Number(port), dataDir };
}
