import type { Locator, Page } from 'playwright-core';

export const areaNames = ['Drafts', 'Review', 'Library', 'Training packs', 'Sync', 'Settings'] as const;
export type AreaName = (typeof areaNames)[number];

/** The app shell as a user meets it: the main navigation, the quick exit, the current heading. */
export class ShellPage {
  constructor(readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  get quickExit(): Locator {
    return this.page.getByRole('button', { name: 'Quick exit' });
  }

  link(area: AreaName): Locator {
    return this.navigation.getByRole('link', { name: area, exact: true });
  }

  heading(area: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: area, exact: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.heading('Drafts').waitFor();
  }

  async goTo(area: AreaName): Promise<void> {
    await this.link(area).click();
    await this.heading(area).waitFor();
  }
}

export class SettingsPage {
  constructor(readonly page: Page) {}

  get about(): Locator {
    return this.page.getByRole('region', { name: 'About this app' });
  }

  detail(term: string): Locator {
    return this.about.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  }

  get checkConnection(): Locator {
    return this.page.getByRole('button', { name: 'Check the connection' });
  }

  get status(): Locator {
    return this.about.getByRole('status');
  }
}
