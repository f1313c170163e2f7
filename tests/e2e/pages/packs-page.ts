import type { Locator, Page } from 'playwright-core';

/** The Training packs list. */
export class PacksListPage {
  constructor(readonly page: Page) {}

  get newPack(): Locator {
    return this.page.getByRole('button', { name: 'New pack' });
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Training packs' });
  }

  packLink(name: string): Locator {
    return this.list.getByRole('link', { name, exact: true });
  }

  row(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async create(name: string, audience: string, use = 'Training sessions led by a trainer'): Promise<PackEditorPage> {
    await this.newPack.click();
    const dialog = this.page.getByRole('dialog', { name: 'New training pack' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('radio', { name: audience, exact: true }).check();
    await dialog.getByRole('radio', { name: use, exact: true }).check();
    await dialog.getByRole('button', { name: 'Create pack' }).click();
    const editor = new PackEditorPage(this.page);
    await editor.heading(name).waitFor();
    return editor;
  }
}

/** One pack open in the editor. */
export class PackEditorPage {
  constructor(readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  get sessionPlan(): Locator {
    return this.page.getByRole('region', { name: 'Session plan' });
  }

  get items(): Locator {
    return this.page.getByRole('list', { name: 'Resources in this pack' });
  }

  get withdrawnAlert(): Locator {
    return this.page.getByRole('region', { name: /in this pack (was|were) withdrawn$/ });
  }

  get exportSection(): Locator {
    return this.page.getByRole('region', { name: 'Export' });
  }

  get exportStatus(): Locator {
    return this.exportSection.getByRole('status');
  }

  /** The position announcement beside Add resource. */
  get itemsStatus(): Locator {
    return this.page.getByRole('region', { name: 'Resources in this pack' }).getByRole('status').first();
  }

  exportButton(format: 'Word' | 'PDF' | 'PowerPoint' | 'HTML'): Locator {
    return this.exportSection.getByRole('button', { name: `Export as ${format}` });
  }

  item(title: string): Locator {
    return this.items.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: `: ${title}` }) });
  }

  actions(title: string): Locator {
    return this.page.getByRole('group', { name: `Actions for ${title}` });
  }

  notes(title: string): Locator {
    return this.page.getByRole('textbox', { name: `Trainer notes for “${title}”` });
  }

  /** Titles of the items, in order. */
  async itemTitles(): Promise<string[]> {
    const headings = await this.items.getByRole('heading', { level: 3 }).allTextContents();
    return headings.map((text) => text.replace(/^Resource \d+ of \d+:\s*/, '').trim());
  }

  get addDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add resources' });
  }

  async openAddDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add resource' }).click();
    await this.addDialog.waitFor();
    return this.addDialog;
  }

  async addResources(titles: readonly string[]): Promise<void> {
    const dialog = await this.openAddDialog();
    for (const title of titles) {
      await dialog.getByRole('button', { name: `Add “${title}”` }).click();
      await dialog.getByRole('status').getByText(`Added “${title}” to the pack.`).waitFor();
    }
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async waitForSaved(): Promise<void> {
    await this.page
      .locator('.save-status[role="status"]')
      .getByText(/^Saved \d/)
      .waitFor();
  }
}

/** The support services section in Settings. */
export class SupportServicesSection {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Support services for session plans' });
  }

  async add(contact: { name: string; description: string; contact: string }): Promise<void> {
    await this.region.getByRole('button', { name: 'Add a support service' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a support service' });
    await dialog.getByRole('textbox', { name: 'Name of the service' }).fill(contact.name);
    await dialog.getByRole('textbox', { name: 'What they offer' }).fill(contact.description);
    await dialog.getByRole('textbox', { name: 'How to contact them' }).fill(contact.contact);
    await dialog.getByRole('button', { name: 'Add service' }).click();
    await this.region.getByRole('list', { name: 'Support services' }).getByText(contact.name).waitFor();
  }
}

/** Points the Sync settings at a shared folder and saves them. */
export async function useSharedFolder(page: Page, folder: string): Promise<void> {
  const settings = page.getByRole('region', { name: 'Shared repository' });
  await settings.getByRole('radio', { name: 'Shared folder' }).check();
  await settings.getByRole('textbox', { name: 'Folder path' }).fill(folder);
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('status').getByText('Settings saved. Chorus is syncing now.').waitFor();
}
