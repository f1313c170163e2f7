import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { DbProvider, type ChorusDb } from '../db';
import { createAppLock, LockGate, type AppLock } from '../features/lock';
import { SyncProvider } from '../features/sync';
import { PlatformProvider, type Platform } from '../platform';
import { areas } from './areas';
import { AppBoundary } from './failures';
import { NeutralScreen } from './NeutralScreen';
import { runQuickExit } from './quick-exit';
import { useQuickExitKeys } from './quick-exit-keys';
import { Shell } from './Shell';
import './shell.css';

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

/**
 * The app: the providers, the lock gate, and the screens. The quick exit lives here, above
 * everything it clears away, with the app lock's controller, so it can still lock after the
 * screens have gone.
 */
export function App({ platform, db }: { platform: Platform; db: ChorusDb }) {
  const [exited, setExited] = useState(false);
  const [appLock] = useState(() => createAppLock(db, platform));
  const exiting = useRef(false);

  // Once only, however often the key repeats before the neutral screen is in.
  const quickExit = useCallback(() => {
    if (exiting.current) return;
    exiting.current = true;
    void runQuickExit({
      blank: () => flushSync(() => setExited(true)),
      lock: () => appLock.lockNow('quick-exit'),
      platform,
    });
  }, [appLock, platform]);

  if (exited) return <NeutralScreen />;
  return (
    <PlatformProvider platform={platform}>
      <DbProvider db={db}>
        <Screens appLock={appLock} onQuickExit={quickExit} />
      </DbProvider>
    </PlatformProvider>
  );
}

/** Everything under the providers: the quick exit's keys listen here, on the lock screen too. */
function Screens({ appLock, onQuickExit }: { appLock: AppLock; onQuickExit: () => void }) {
  const exitKeys = useQuickExitKeys(onQuickExit);
  return (
    <AppBoundary onQuickExit={onQuickExit}>
      <LockGate lock={appLock} onQuickExit={onQuickExit} quickExitHint={exitKeys}>
        <SyncProvider>
          <HashRouter>
            <Routes>
              <Route path="/" element={<Shell onQuickExit={onQuickExit} exitKeys={exitKeys} />}>
                {areas.map(({ path, Page }) => (
                  <Route key={path} path={`${path}/*`} element={<Page />} />
                ))}
                <Route path="*" element={<Navigate to={startPath} replace />} />
              </Route>
            </Routes>
          </HashRouter>
        </SyncProvider>
      </LockGate>
    </AppBoundary>
  );
}
