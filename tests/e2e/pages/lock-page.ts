import type { Locator, Page } from 'playwright-core';

/** The app lock as a person meets it: the Settings section, its dialogs, and the lock screen. */
export class LockPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'App lock and privacy' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get unlockHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Unlock Chorus' });
  }

  get passphrase(): Locator {
    return this.page.getByLabel('Passphrase', { exact: true });
  }

  get unlockButton(): Locator {
    return this.page.getByRole('button', { name: /^Unlock/ });
  }

  /** Opens Settings and asks for the lock with a passphrase; encrypting starts. */
  async startTurningOn(passphrase: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.section.getByRole('button', { name: 'Turn on the lock' }).click();
    await this.dialog.getByLabel('New passphrase', { exact: true }).fill(passphrase);
    await this.dialog.getByLabel('New passphrase again').fill(passphrase);
    await this.dialog.getByRole('button', { name: 'Turn on and encrypt' }).click();
  }

  /** Turns the lock on and waits until everything is encrypted. */
  async turnOn(passphrase: string): Promise<void> {
    await this.startTurningOn(passphrase);
    await this.section.getByRole('button', { name: 'Lock now' }).waitFor({ timeout: 60_000 });
  }

  async lockNow(): Promise<void> {
    await this.section.getByRole('button', { name: 'Lock now' }).click();
    await this.unlockHeading.waitFor();
  }

  /** Waits out the pause after wrong tries: the button stops counting down and just says "Unlock". */
  async waitUntilUnlockAllowed(): Promise<void> {
    await this.page.getByRole('button', { name: 'Unlock', exact: true, disabled: false }).waitFor();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.unlockButton.click();
  }
}
