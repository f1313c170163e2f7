import type { Download, Locator, Page } from 'playwright-core';

/** Settings → Your data: export everything of mine, and erase everything on this device. */
export class YourDataPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Your data' });
  }

  get exportButton(): Locator {
    return this.section.getByRole('button', { name: 'Export everything of mine' });
  }

  get exportStatus(): Locator {
    return this.section.getByRole('status');
  }

  get eraseButton(): Locator {
    return this.section.getByRole('button', { name: 'Erase everything on this device' });
  }

  get eraseDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Erase everything on this device?' });
  }

  get confirmField(): Locator {
    return this.eraseDialog.getByRole('textbox', { name: 'Type ERASE to confirm' });
  }

  /** Presses "Export everything of mine" and waits for the archive to download. */
  async exportEverything(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.exportButton.click();
    return download;
  }
}
