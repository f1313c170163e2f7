// Takes a screenshot of every area in browser mode, for looking at what we build:
//   npm run build && node --import tsx scripts/screenshot.ts [out-dir]
import path from 'node:path';
import { launchChromium } from '../tests/helpers/chromium';
import { startTestWebHost } from '../tests/helpers/web-host';

const outDir = path.resolve(process.argv[2] ?? 'test-results/screenshots');
const host = await startTestWebHost();
for (const colorScheme of ['light', 'dark'] as const) {
  const browser = await launchChromium({ colorScheme });
  browser.allowOrigin(host.origin);
  const page = await browser.context.newPage();
  await page.goto(host.url);
  for (const area of ['Drafts', 'Review', 'Library', 'Training packs', 'Sync', 'Settings']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area }).click();
    await page.getByRole('heading', { level: 1, name: area }).waitFor();
    if (area === 'Settings') await page.getByText('Version', { exact: true }).waitFor();
    const file = path.join(outDir, `${colorScheme}-${area.toLowerCase().replaceAll(' ', '-')}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await browser.close();
}
await host.close();
