// Serves a local git repository over HTTP for trying sync by hand:
//   npm run repo:serve -- [folder] [--port N]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startGitServer } from './git-server';

const { values, positionals } = parseArgs({
  options: { port: { type: 'string', default: '0' } },
  allowPositionals: true,
});
if (positionals.length > 1) {
  console.error('Give at most one folder: npm run repo:serve -- [folder] [--port N]');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const root = path.resolve(positionals[0] ?? '.chorus-repository');

const server = await startGitServer({ root, port }).catch((error: unknown) => {
  console.error(`Could not start the repository server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const withCredentials = new URL(server.url);
withCredentials.username = server.username;
withCredentials.password = server.token;

console.log(`The Chorus test repository is running.

  Address:    ${server.url}
  User name:  ${server.username}
  Token:      ${server.token}
  Stored in:  ${server.repositoryPath}

To clone it with git, credentials included:

  git clone ${withCredentials.href}

The token is new each time the server starts. Press Ctrl+C to stop.`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => {
    console.log('Stopped.');
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
