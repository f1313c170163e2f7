// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { secretStoreLabels } from '../../../electron/services/secrets';
import { DbProvider } from '../../../renderer/src/db';
import { RepositorySettings } from '../../../renderer/src/features/sync/RepositorySettings';
import { SyncProvider } from '../../../renderer/src/features/sync/SyncProvider';
import { PlatformProvider } from '../../../renderer/src/platform';
import { openTestDb } from '../../helpers/db';
import { startTestGitRemote, type TestGitRemote } from '../../helpers/repository';
import { inProcessPlatform } from '../../helpers/sync';
import { useReactRoot } from '../../helpers/react';

const react = useReactRoot();

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !condition(); attempt += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  expect(condition()).toBe(true);
}

function control(label: string): HTMLInputElement {
  const found = [...document.querySelectorAll('label')].find((each) => each.textContent.trim() === label);
  const element = found?.control ?? found?.querySelector('input') ?? null;
  if (element === null) throw new Error(`No control labelled ${label}`);
  return element as HTMLInputElement;
}

async function fill(label: string, value: string): Promise<void> {
  const input = control(label);
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
  });
}

async function click(element: Element | undefined): Promise<void> {
  if (element === undefined) throw new Error('Nothing to click');
  await act(async () => {
    (element as HTMLElement).click();
    await Promise.resolve();
  });
}

const button = (name: string) => [...document.querySelectorAll('button')].find((each) => each.textContent === name);

describe('repository settings form', () => {
  let remote: TestGitRemote;
  beforeAll(async () => {
    remote = await startTestGitRemote();
  });
  afterAll(() => remote.close());

  it('asks before keeping a token unencrypted, then stores it with consent and never shows it back', async () => {
    // The real handlers, on a computer whose only key store is plain text, and a real git server.
    const { platform, dataDir } = await inProcessPlatform({ secrets: 'plain-text' });
    const plainText = secretStoreLabels['plain-text'];
    await act(async () => {
      const settings = createElement(SyncProvider, null, createElement(RepositorySettings));
      react.root.render(
        createElement(PlatformProvider, {
          platform,
          children: createElement(DbProvider, { db: openTestDb(), children: settings }),
        }),
      );
      await Promise.resolve();
    });
    await until(() => button('Save settings') !== undefined);

    await click(control('Git repository (HTTPS)'));
    await fill('Repository address', 'http://git.example.org/chorus.git');
    await fill('User name', 'sam');
    await fill('Token', remote.server.token);
    expect(document.body.textContent).toContain(plainText);
    await click(button('Save settings'));
    await until(() => document.querySelector('[role="alert"]') !== null);
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(
      'The address must start with https:// so the token is never sent unencrypted.',
    );

    await fill('Repository address', remote.server.url);
    await fill('User name', remote.server.username);
    expect(document.querySelector('[role="alert"]')).toBeNull();
    // The test reaches what the form says, before anything is saved, and saves nothing.
    await click(button('Test connection'));
    await until(() => document.body.textContent.includes(`Connected to ${remote.server.url}. It is empty`));
    expect(await platform.invoke('repository.status', {})).toMatchObject({ remote: { kind: 'none' }, hasToken: false });
    await click(button('Save settings'));
    await until(() => document.querySelector('[role="alertdialog"]') !== null);
    const dialog = document.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('Store the token without encryption?');
    expect(dialog?.textContent).toContain(plainText);

    await click(button('Store it anyway'));
    await until(() => document.body.textContent.includes('Settings saved. Chorus is syncing now.'));
    // Said beside the buttons, not in a corner notice over the token's hints.
    expect(document.querySelector('form [role="status"]')?.textContent).toBe('Settings saved. Chorus is syncing now.');
    expect(document.querySelector('.notice-region')).toBeNull();
    expect(await platform.invoke('repository.status', {})).toMatchObject({
      remote: { kind: 'git', url: remote.server.url, username: remote.server.username },
      hasToken: true,
      secrets: { kind: 'plain-text' },
    });
    expect(await readFile(path.join(dataDir, 'credentials.json'), 'utf8')).toContain(remote.server.token);
    expect(control('Token').value).toBe('');
    expect(control('Token').type).toBe('password');
    expect(document.body.innerHTML).not.toContain(remote.server.token);
    expect(document.body.textContent).toContain('A token is stored. Leave this empty to keep it');

    await click(button('Test connection'));
    await until(() => document.body.textContent.includes(`Connected to ${remote.server.url}. It is empty`));
    await rm(dataDir, { recursive: true, force: true });
  });
});
