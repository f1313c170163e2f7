import type { Locator, Page } from 'playwright-core';

/** Profiles in Settings and the switcher in the top bar. */
export class ProfilesPage {
  constructor(readonly page: Page) {}

  async add(name: string, role: 'Consultee (lived experience)' | 'Facilitator' | 'Trainer'): Promise<void> {
    const form = this.page.getByRole('region', { name: 'People using this device' });
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('radio', { name: role }).check();
    await form.getByRole('button', { name: 'Add profile' }).click();
    await form.getByRole('list', { name: 'Profiles' }).getByText(name, { exact: true }).waitFor();
  }

  async switchTo(name: string): Promise<void> {
    const select = this.page.getByRole('combobox', { name: 'Using Chorus as' });
    await select.selectOption({ label: `${name} (${await this.roleOf(select, name)})` });
  }

  private async roleOf(select: Locator, name: string): Promise<string> {
    const labels = await select.locator('option').allTextContents();
    const label = labels.find((each) => each.startsWith(`${name} (`)) ?? '';
    return label.slice(name.length + 2, -1);
  }
}

/** One resource in review. */
export class ReviewResourcePage {
  constructor(readonly page: Page) {}

  get findings(): Locator {
    return this.page.getByRole('list', { name: 'Findings to resolve' });
  }

  decide(text: string): Locator {
    return this.page.getByRole('group', { name: `Decide on ${text}` });
  }

  get status(): Locator {
    return this.page.locator('.side-section h2').first();
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }
}
