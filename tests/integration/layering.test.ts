import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Lints `code` as if it were the given existing file, and returns the layering messages. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules of STYLE.md', () => {
  it.each([
    ['electron/shared/contract.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/shared/contract.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['electron/services/handlers.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/services/handlers.ts', "import { App } from '../../renderer/src/app/App';\nexport const x = App;\n"],
    ['electron/preload/index.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['electron/web-host/server.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/src/ui/Page.tsx', "import { usePlatform } from '../platform';\nexport const x = usePlatform;\n"],
    [
      'renderer/src/features/settings/SettingsPage.tsx',
      "import { App } from '../../app/App';\nexport const x = App;\n",
    ],
    ['renderer/src/platform/platform.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['renderer/src/features/settings/SettingsPage.tsx', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
    ['renderer/src/ui/Page.tsx', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
    [
      'renderer/src/platform/platform.ts',
      "import { createHandlers } from '../../../electron/services/handlers';\nexport const x = createHandlers;\n",
    ],
  ])('refuses a bad import in %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/shared/contract.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['electron/main/ipc.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    [
      'renderer/src/features/settings/SettingsPage.tsx',
      "import { usePlatform } from '../../platform';\nexport const x = usePlatform;\n",
    ],
  ])('allows a good import in %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
