import { useState } from 'react';
import { flushSync } from 'react-dom';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { DbProvider, type ChorusDb } from '../db';
import { SyncProvider } from '../features/sync/SyncProvider';
import { PlatformProvider, type Platform } from '../platform';
import { areas } from './areas';
import { NeutralScreen } from './NeutralScreen';
import { Shell } from './Shell';

const startPath = '/drafts';

/**
 * Starts on the Drafts area by setting the address before the first render, rather than with a
 * redirect that would render the shell twice on every start.
 */
export function ensureStartRoute(): void {
  if (window.location.hash === '' || window.location.hash === '#' || window.location.hash === '#/') {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${startPath}`);
  }
}

export function App({ platform, db }: { platform: Platform; db: ChorusDb }) {
  const [exited, setExited] = useState(false);

  // Rendering synchronously clears the screen in the same frame as the click.
  const quickExit = () => {
    flushSync(() => setExited(true));
    window.history.replaceState(null, '', window.location.pathname);
  };

  if (exited) return <NeutralScreen />;
  return (
    <PlatformProvider platform={platform}>
      <DbProvider db={db}>
        <SyncProvider>
          <HashRouter>
            <Routes>
              <Route path="/" element={<Shell onQuickExit={quickExit} />}>
                {areas.map(({ path, Page }) => (
                  <Route key={path} path={`${path}/*`} element={<Page />} />
                ))}
                <Route path="*" element={<Navigate to={startPath} replace />} />
              </Route>
            </Routes>
          </HashRouter>
        </SyncProvider>
      </DbProvider>
    </PlatformProvider>
  );
}
