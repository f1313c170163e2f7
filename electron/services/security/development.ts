/**
 * Whether this run may open the developer tools and reload the page. Only an unpackaged build
 * (`npm start`, `npm run dev`) may, and only when asked with CHORUS_DEV=1: a packaged app ignores
 * the variable, so nobody can open a survivor's drafts in the developer tools of an installed copy
 * by setting it. Kept free of Electron so it can be unit-tested in Node.
 */
export function allowsDeveloperTools(run: {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}): boolean {
  return !run.isPackaged && run.env.CHORUS_DEV === '1';
}
