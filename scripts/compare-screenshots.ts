// Compares two folders of screenshots (scripts/screenshot.ts) pixel by pixel, in Chromium's own PNG
// decoder, and writes an image of the differing pixels for each pair that differs; then compares the
// computed styles written beside them, element by element:
//   node --import tsx scripts/compare-screenshots.ts before-dir after-dir [diff-dir]
// Exits 1 if any pair differs in size, in any pixel or in any element's computed style, or if a file is in
// one folder only. Anti-aliased edges can differ by one step of colour between two runs of the same build.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../tests/helpers/chromium';

const [beforeDir, afterDir, diffArg] = process.argv.slice(2);
if (beforeDir === undefined || afterDir === undefined) {
  console.error('Usage: compare-screenshots.ts before-dir after-dir [diff-dir]');
  process.exit(2);
}
const diffDir = path.resolve(diffArg ?? path.join(afterDir, 'diff'));

interface Comparison {
  width: number;
  height: number;
  sameSize: boolean;
  differing: number;
  /** The differing pixels in red over a faded copy of the second image, as a PNG data URL. */
  diff: string | null;
}

const pngs = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((name) => name.endsWith('.png'));
const before = new Set(await pngs(beforeDir));
const after = new Set(await pngs(afterDir));
const onlyOne = [...before, ...after].filter((name) => !before.has(name) || !after.has(name));
let failed = onlyOne.length > 0;
for (const name of onlyOne) console.log(`${name}: in one folder only`);

const browser = await launchChromium({ network: 'direct' });
try {
  const page = await browser.context.newPage();
  await mkdir(diffDir, { recursive: true });
  for (const name of [...before].filter((each) => after.has(each)).sort()) {
    const [a, b] = await Promise.all([readFile(path.join(beforeDir, name)), readFile(path.join(afterDir, name))]);
    if (a.equals(b)) {
      console.log(`${name}: identical`);
      continue;
    }
    const toUrl = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;
    const result = await page.evaluate(
      async ([first, second]): Promise<Comparison> => {
        // Inline, not a named function: the script runner would wrap a named one in a helper the page lacks.
        const [x, y] = await Promise.all(
          [first, second].map(async (url) => {
            const image = await createImageBitmap(await (await fetch(url)).blob());
            const canvas = new OffscreenCanvas(image.width, image.height);
            const context = canvas.getContext('2d');
            if (context === null) throw new Error('No 2D canvas');
            context.drawImage(image, 0, 0);
            return context.getImageData(0, 0, image.width, image.height);
          }),
        );
        if (x === undefined || y === undefined) throw new Error('Two images expected');
        const sameSize = x.width === y.width && x.height === y.height;
        if (!sameSize) return { width: y.width, height: y.height, sameSize, differing: -1, diff: null };
        const out = new ImageData(y.width, y.height);
        let differing = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          const same =
            x.data[i] === y.data[i] &&
            x.data[i + 1] === y.data[i + 1] &&
            x.data[i + 2] === y.data[i + 2] &&
            x.data[i + 3] === y.data[i + 3];
          if (!same) differing += 1;
          // A differing pixel is red; the rest is the second image, faded.
          const faded = [0, 1, 2].map((channel) => (y.data[i + channel] ?? 0) / 4 + 191);
          out.data.set(same ? [...faded, 255] : [255, 0, 0, 255], i);
        }
        if (differing === 0) return { width: y.width, height: y.height, sameSize, differing, diff: null };
        const canvas = new OffscreenCanvas(y.width, y.height);
        canvas.getContext('2d')?.putImageData(out, 0, 0);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (const byte of bytes) binary += String.fromCharCode(byte);
        return { width: y.width, height: y.height, sameSize, differing, diff: `data:image/png;base64,${btoa(binary)}` };
      },
      [toUrl(a), toUrl(b)] as const,
    );
    if (!result.sameSize) {
      failed = true;
      console.log(`${name}: a different size (${result.width}x${result.height} after)`);
    } else if (result.differing > 0) {
      failed = true;
      const file = path.join(diffDir, name);
      if (result.diff !== null) await writeFile(file, Buffer.from(result.diff.split(',')[1] ?? '', 'base64'));
      console.log(`${name}: ${result.differing} pixels differ (${file})`);
    } else {
      console.log(`${name}: same pixels`);
    }
  }
} finally {
  await browser.close();
}

// The computed styles that scripts/screenshot.ts writes beside each screenshot, element by element.
for (const name of (await readdir(beforeDir)).filter((each) => each.endsWith('.styles.txt')).sort()) {
  const after = await readFile(path.join(afterDir, name), 'utf8').catch(() => null);
  if (after === null) {
    failed = true;
    console.log(`${name}: in one folder only`);
    continue;
  }
  // Elements in <head> (a build's stylesheet links) are not compared.
  const lines = (text: string) =>
    text.split('\n').filter((line) => line !== '' && !line.startsWith('/html[0]/head[0]/'));
  const afterLines = new Set(lines(after));
  const beforeLines = lines(await readFile(path.join(beforeDir, name), 'utf8'));
  const differing = beforeLines.filter((line) => !afterLines.has(line));
  if (differing.length === 0 && beforeLines.length === afterLines.size) continue;
  failed = true;
  console.log(`${name}: ${differing.length} elements' computed styles differ, first: ${differing[0] ?? '(count)'}`);
}
process.exit(failed ? 1 : 0);
