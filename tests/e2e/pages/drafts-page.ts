import type { Locator, Page } from 'playwright-core';

/** The Drafts list, as a user sees it. */
export class DraftsListPage {
  constructor(readonly page: Page) {}

  get newDraft(): Locator {
    return this.page.getByRole('button', { name: 'New draft' });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search drafts' });
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Drafts' });
  }

  draftLink(title: string): Locator {
    return this.list.getByRole('link', { name: title, exact: true });
  }

  rowActions(title: string): Locator {
    return this.page.getByRole('group', { name: `Actions for ${title}` });
  }

  async importFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import a file' }).click();
    await (await chooser).setFiles(file);
  }
}

/** One draft open in the editor. */
export class DraftEditorPage {
  constructor(readonly page: Page) {}

  get title(): Locator {
    return this.page.getByRole('textbox', { name: 'Title' });
  }

  get editor(): Locator {
    return this.page.getByRole('textbox', { name: 'Draft text' });
  }

  get status(): Locator {
    return this.page.locator('.save-status[role="status"]');
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Formatting' });
  }

  /** A formatting tool, from the toolbar's row or, when the row is too narrow for it, from under More. */
  async tool(name: string): Promise<Locator> {
    const tool = this.toolbar.getByRole('button', { name, exact: true });
    await this.toolbar.waitFor();
    if ((await tool.count()) === 0) await this.toolbar.getByRole('button', { name: 'More' }).click();
    return tool;
  }

  /** What the writing aids say for `term` ("Words", "Reading time", "Reading age"). */
  writingAid(term: string): Locator {
    return this.page
      .getByRole('region', { name: 'Writing aids' })
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** Waits until the status says everything on screen is saved. */
  async waitForSaved(): Promise<void> {
    await this.page.waitForFunction(() => {
      const status = document.querySelector('.save-status[role="status"]');
      return status !== null && /^Saved \d/.test(status.textContent);
    });
  }

  async typeInEditor(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(text);
  }
}
