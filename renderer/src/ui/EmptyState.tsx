import type { ReactNode } from 'react';
import './empty-state.css';

/** What a screen shows when it has nothing yet: what belongs here and how it gets here. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <h2 id="empty-state-title">{title}</h2>
      <div className="empty-state-body">{children}</div>
    </section>
  );
}
