import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { Link } from 'react-router';
import { Page } from '../ui/Page';
import { startChorusAgain } from './quick-exit';
import './shell.css';

/** What went wrong, for whoever helps: the error's own words, never anything from the person's work. */
function ErrorDetails({ error }: { error: unknown }) {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <details className="failure-details">
      <summary>What went wrong</summary>
      <p>{text}</p>
    </details>
  );
}

function ScreenFailed({ error, resetErrorBoundary }: FallbackProps) {
  return (
    <Page
      title="Something went wrong on this screen"
      intro="Chorus could not show it. Everything already saved is still on this device."
    >
      <div className="failure-actions">
        <button type="button" className="button" onClick={resetErrorBoundary}>
          Try again
        </button>
        <Link to="/drafts">Go to Drafts</Link>
      </div>
      <ErrorDetails error={error} />
    </Page>
  );
}

/**
 * One screen's failure stays on that screen: the navigation and the quick exit around it carry on,
 * and moving to another screen (a new `place`) starts it afresh.
 */
export function ScreenBoundary({ place, children }: { place: string; children: ReactNode }) {
  return (
    <ErrorBoundary FallbackComponent={ScreenFailed} resetKeys={[place]}>
      {children}
    </ErrorBoundary>
  );
}

/**
 * The last line: if the frame around the screens itself fails, a calm page with the quick exit
 * still on it replaces a blank window.
 */
export function AppBoundary({ onQuickExit, children }: { onQuickExit: () => void; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallbackRender={({ error }) => (
        <main className="app-failed">
          <button type="button" className="quick-exit" onClick={onQuickExit}>
            Quick exit
          </button>
          <h1 tabIndex={-1}>Chorus stopped working</h1>
          <p>Everything already saved is still on this device. Starting Chorus again usually puts this right.</p>
          <div className="failure-actions">
            <button type="button" className="button" onClick={startChorusAgain}>
              Start Chorus again
            </button>
          </div>
          <ErrorDetails error={error} />
        </main>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
