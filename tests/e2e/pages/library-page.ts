import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The Library list: search, filters and the approved resources. */
export class LibraryListPage {
  constructor(readonly page: Page) {}

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the library' });
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Approved resources' });
  }

  /** The polite count of what is listed, such as "2 resources found". */
  get resultCount(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^\d[\d,]* resources?\b/ });
  }

  get clearFilters(): Locator {
    return this.page.getByRole('button', { name: 'Clear search and filters' });
  }

  get noMatch(): Locator {
    return this.page.getByRole('heading', { level: 2, name: 'No resources match' });
  }

  filter(name: 'Audience' | 'Topic' | 'Review date'): Locator {
    return this.page.getByRole('combobox', { name });
  }

  /** Opens the folded list of content warnings, if it is closed, and ticks or unticks one. */
  async leaveOutWarning(name: string, leaveOut = true): Promise<void> {
    const summary = this.page.locator('summary', { hasText: 'Content warnings to leave out' });
    const details = this.page.locator('details', { has: summary });
    if ((await details.getAttribute('open')) === null) await summary.click();
    const box = details.getByRole('checkbox', { name, exact: true });
    // The box shows the filter as the address holds it, which updates a moment after the click, so
    // click once and wait for it to follow (setChecked looks straight after its click, and can fail).
    if ((await box.isChecked()) !== leaveOut) await box.click();
    const state = leaveOut ? 'ticked' : 'unticked';
    await expect.poll(() => box.isChecked(), { message: `The “${name}” box did not become ${state}` }).toBe(leaveOut);
  }

  /** The card of one resource. */
  card(title: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  resourceLink(title: string): Locator {
    return this.list.getByRole('link', { name: title, exact: true });
  }

  /** The titles listed, in order. */
  titles(): Promise<string[]> {
    return this.list.getByRole('heading', { level: 2 }).allTextContents();
  }

  /** Waits until exactly `titles` are listed, in any order. */
  async waitForTitles(titles: readonly string[]): Promise<void> {
    const expected = [...titles].sort().join('\n');
    await this.page.waitForFunction((want) => {
      const list = document.querySelector('ul[aria-label="Approved resources"]');
      const have = list === null ? [] : [...list.querySelectorAll('h2')].map((heading) => heading.textContent);
      return have.sort().join('\n') === want;
    }, expected);
  }
}

/** One resource of the library: its warnings first, then the resource itself. */
export class LibraryResourcePage {
  constructor(readonly page: Page) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  get warningsHeading(): Locator {
    return this.heading(/^Content warnings?$/);
  }

  get showResource(): Locator {
    return this.page.getByRole('button', { name: 'Show the resource' });
  }

  get backToLibrary(): Locator {
    return this.page.getByRole('button', { name: 'Back to the library' });
  }

  get document(): Locator {
    return this.page.getByRole('textbox', { name: 'Resource text, read only' });
  }

  get versions(): Locator {
    return this.page.getByRole('region', { name: /^(Earlier|Other) versions$/ });
  }

  /** A fact from the details list, such as "Approved on". */
  detail(term: string): Locator {
    return this.page.locator('dl.library-facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  }

  async isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => element === document.activeElement);
  }
}
