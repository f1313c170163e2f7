import { useLayoutEffect } from 'react';
import { revealNeutralScreen, startChorusAgain } from './quick-exit';
import './shell.css';

/**
 * What the quick exit leaves on screen: a blank page that says nothing about Chorus or its
 * content. "Start again" reloads the app from its first screen.
 */
export function NeutralScreen() {
  // In the same commit that took the app out of the DOM, so no frame can show any of it.
  useLayoutEffect(() => {
    document.title = 'New tab';
    revealNeutralScreen();
  }, []);
  return (
    <main className="neutral">
      <button type="button" className="neutral-button" onClick={startChorusAgain}>
        Start again
      </button>
    </main>
  );
}
