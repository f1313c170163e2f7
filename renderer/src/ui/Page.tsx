import type { ReactNode } from 'react';
import './page.css';

/**
 * One screen: its heading is the page's only `h1`, focusable so the shell can move focus to it
 * after navigation and a screen reader announces where the user is.
 */
export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  return (
    <article className="page">
      <header className="page-header">
        <h1 tabIndex={-1} className="page-title">
          {title}
        </h1>
        {intro !== undefined && <p className="page-intro">{intro}</p>}
      </header>
      {children}
    </article>
  );
}
