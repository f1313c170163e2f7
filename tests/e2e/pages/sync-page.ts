import type { Locator, Page } from 'playwright-core';

/** The always-visible sync status beside the navigation. */
export function syncStatusLine(page: Page, status?: string): Locator {
  return page.getByRole('link', { name: status === undefined ? /^Sync status: / : `Sync status: ${status}` });
}

/** The Sync area: status, what is waiting, skipped files and the repository settings. */
export class SyncPage {
  constructor(readonly page: Page) {}

  get settings(): Locator {
    return this.page.getByRole('region', { name: 'Shared repository' });
  }

  get outbox(): Locator {
    return this.page.getByRole('region', { name: 'Waiting to be shared' });
  }

  get token(): Locator {
    return this.settings.getByLabel('Token', { exact: true });
  }

  async configureGit(options: { url: string; username: string; token: string }): Promise<void> {
    await this.settings.getByRole('radio', { name: 'Git repository (HTTPS)' }).check();
    await this.settings.getByRole('textbox', { name: 'Repository address' }).fill(options.url);
    await this.settings.getByRole('textbox', { name: 'User name' }).fill(options.username);
    await this.token.fill(options.token);
    await this.settings.getByRole('button', { name: 'Save settings' }).click();
    await this.page.getByRole('status').getByText('Settings saved. Chorus is syncing now.').waitFor();
  }

  /** Tests the saved settings and waits for the message it is expected to show. */
  async testConnection(expected: RegExp): Promise<string> {
    await this.settings.getByRole('button', { name: 'Test connection' }).click();
    const result = this.settings.getByRole('status').getByText(expected);
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }
}
