import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
/**
 * One ESLint for the file, as `npm run lint` has one for every file: it loads the config and
 * starts the type checker once, and each case still lints its own text on its own.
 */
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the given existing file, and returns what each message is and says. */
async function lint(file: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result?.messages ?? [];
}

/** Lints `code` as if it were the given existing file, and returns the layering messages. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  return (await lint(file, code)).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules of STYLE.md', () => {
  it.each([
    [
      'renderer/src/features/settings/LockSection.tsx',
      "import { LockGate } from '../lock/LockGate';\nexport const x = LockGate;\n",
    ],
    [
      'renderer/src/app/areas.tsx',
      "import { DraftsPage } from '../features/drafting/DraftsPage';\nexport const x = DraftsPage;\n",
    ],
    ['renderer/src/main.tsx', "import { LockGate } from './features/lock/LockGate';\nexport const x = LockGate;\n"],
    ['core/document/html.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['core/document/html.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['core/document/html.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
    ['core/document/html.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['core/document/html.ts', "import { Editor } from '@tiptap/core';\nexport const x = Editor;\n"],
    [
      'core/document/html.ts',
      "import { contract } from '../../electron/shared/contract';\nexport const x = contract;\n",
    ],
    ['core/repository/format.ts', "import { db } from '../../renderer/src/db';\nexport const x = db;\n"],
    ['renderer/src/ui/Page.tsx', "import { newId } from '@core/ids';\nexport const x = newId;\n"],
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
      'renderer/src/saving/autosave.ts',
      "import { ResourcePage } from '../features/drafting/ResourcePage';\nexport const x = ResourcePage;\n",
    ],
    ['renderer/src/saving/autosave.ts', "import { App } from '../app/App';\nexport const x = App;\n"],
    ['renderer/src/saving/autosave.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
    [
      'renderer/src/db/resources.ts',
      "import { createAutosaver } from '../saving/autosave';\nexport const x = createAutosaver;\n",
    ],
    [
      'renderer/src/platform/platform.ts',
      "import { createHandlers } from '../../../electron/services/handlers';\nexport const x = createHandlers;\n",
    ],
  ])('refuses a bad import in %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/shared/contract.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    [
      'renderer/src/features/settings/LockSection.tsx',
      "import { useAppLock } from '../lock';\nexport const x = useAppLock;\n",
    ],
    [
      'renderer/src/features/settings/LockSection.tsx',
      "import { lazyScreen } from '../../ui/lazy';\nexport const x = lazyScreen;\n",
    ],
    [
      'renderer/src/app/areas.tsx',
      "import { DraftsPage } from '../features/drafting';\nexport const x = DraftsPage;\n",
    ],
    [
      'electron/shared/contract.ts',
      "import { audiences } from '@core/repository/records';\nexport const x = audiences;\n",
    ],
    ['core/document/html.ts', "import { isObject } from '../json/object';\nexport const x = isObject;\n"],
    ['core/repository/records.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    [
      'electron/services/handlers.ts',
      "import { repositoryFormat } from '@core/repository/format';\nexport const x = repositoryFormat;\n",
    ],
    ['renderer/src/db/resources.ts', "import { newId } from '@core/ids';\nexport const x = newId;\n"],
    ['renderer/src/saving/save-status.ts', "import { isQuotaError } from '../db';\nexport const x = isQuotaError;\n"],
    ['renderer/src/saving/autosave.ts', "import { systemClock } from '@core/clock';\nexport const x = systemClock;\n"],
    [
      'renderer/src/features/packs/PackEditor.tsx',
      "import { createAutosaver } from '../../saving/autosave';\nexport const x = createAutosaver;\n",
    ],
    ['electron/main/ipc.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    [
      'renderer/src/features/settings/SettingsPage.tsx',
      "import { usePlatform } from '../../platform';\nexport const x = usePlatform;\n",
    ],
  ])('allows a good import in %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it.each([
    ['core/document/html.ts', 'export const x = () => document.title;\n'],
    ['core/ids.ts', 'export const x = () => process.env;\n'],
    ['core/clock.ts', 'export const x = () => window.name;\n'],
  ])('refuses a DOM or Node global in %s', async (file, code) => {
    expect((await lint(file, code)).map((m) => m.ruleId)).toContain('no-restricted-globals');
  });
});
