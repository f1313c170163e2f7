import { useEffect } from 'react';

/**
 * What the quick exit leaves on screen: a blank page that says nothing about Chorus or its
 * content. "Start again" reloads the app from its first screen.
 */
export function NeutralScreen() {
  useEffect(() => {
    document.title = 'New tab';
  }, []);
  return (
    <main className="neutral">
      <button
        type="button"
        className="neutral-button"
        onClick={() => window.location.replace(window.location.pathname)}
      >
        Start again
      </button>
    </main>
  );
}
