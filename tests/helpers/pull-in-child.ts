// Pulls a git repository through the repository service in a process of its own and prints what
// landed, what was skipped and the process's peak resident memory, as one line of JSON:
//   node --import tsx tests/helpers/pull-in-child.ts '{"url":"…","username":"…","token":"…"}'
// The peak is the kernel's (`maxRSS`), so it counts every byte the pull ever held, however briefly.
import { rm } from 'node:fs/promises';
import { makeService, pullAll } from './repository';

const settings = JSON.parse(process.argv[2] ?? '{}') as { url: string; username: string; token: string };
const { service, dataDir } = await makeService();
try {
  const configured = await service.configure({ kind: 'git', ...settings });
  if (!configured.ok) throw new Error(configured.problem.message);
  const { items, skipped } = await pullAll(service);
  process.stdout.write(
    `${JSON.stringify({
      items: items.map((item) => item.path),
      skipped,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    })}\n`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
