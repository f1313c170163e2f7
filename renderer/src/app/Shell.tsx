import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useSyncStatus } from '../features/sync';
import { usePlatform } from '../platform';
import type { HostStatus } from '../platform/platform';
import { useActiveProfile } from '../db';
import { areas, areasFor, redirectFor } from './areas';
import { ScreenBoundary } from './failures';
import { ProfileSwitcher } from './ProfileSwitcher';
import type { QuickExitKeys } from './quick-exit-keys';
import './shell.css';

/**
 * The frame around every screen: a skip link, the app name, the quick exit, the main
 * navigation and the current area. After each navigation, focus moves to the new heading.
 */
export function Shell({ onQuickExit, exitKeys }: { onQuickExit: () => void; exitKeys: QuickExitKeys }) {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // A trainer is offered only what a trainer can use: drafting and review are not theirs.
  const role = useActiveProfile()?.role;
  const offered = areasFor(role);
  const redirect = redirectFor(role, location.pathname);

  useEffect(() => {
    // The area only, also on a resource's own page: a window title never shows what someone wrote.
    const [, first = ''] = location.pathname.split('/');
    const area = areas.find((each) => each.path === first);
    document.title = area === undefined ? 'Chorus' : `${area.label} – Chorus`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [location.pathname]);

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="topbar">
        <p className="brand">Chorus</p>
        {/* First in the tab order after the skip link, so leaving is always one key press away;
            shown at the far right by CSS. */}
        <button
          type="button"
          className="quick-exit"
          onClick={onQuickExit}
          aria-describedby="quick-exit-hint"
          title={exitKeys.description}
        >
          Quick exit
        </button>
        <p id="quick-exit-hint" className="visually-hidden">
          {exitKeys.description}
        </p>
        <p role="status" className="visually-hidden">
          {exitKeys.progress}
        </p>
        <ProfileSwitcher />
      </header>
      <div className="sidebar">
        <nav aria-label="Main">
          <ul>
            {offered.map((area) => (
              <li key={area.path}>
                <NavLink to={`/${area.path}`} className="nav-link">
                  {area.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SyncStatusLine />
      </div>
      <main id="main" ref={mainRef} className="content">
        <HostStatusNotice />
        <ScreenBoundary place={location.pathname}>
          {/* Only seen when the app starts on an area whose code has not loaded yet: moving between
              areas is a transition, which keeps the current screen until the next one is ready. */}
          <Suspense fallback={<p className="loading">Opening…</p>}>
            {redirect === null ? <Outlet /> : <Navigate to={redirect} replace />}
          </Suspense>
        </ScreenBoundary>
      </main>
    </div>
  );
}

/** Always in view: how sharing with the repository is going, linking to the Sync area. */
function SyncStatusLine() {
  const status = useSyncStatus();
  return (
    <p role="status" className="sync-status-line" data-kind={status.kind}>
      <Link to="/sync" className="sync-status-link">
        <span className="visually-hidden">Sync status: </span>
        <span className="sync-status-dot" aria-hidden="true" />
        {status.label}
      </Link>
    </p>
  );
}

/**
 * Says so when the part of Chorus that syncs, exports and saves files stops answering (in browser
 * mode, the web host was stopped), and goes away by itself when it answers again.
 */
function HostStatusNotice() {
  const platform = usePlatform();
  const [status, setStatus] = useState<HostStatus>('answering');
  useEffect(() => platform.onHostStatus(setStatus), [platform]);
  return (
    <div role="alert">
      {status === 'unreachable' && (
        <p className="notice-inline host-status">
          <strong>Chorus has lost touch with its background service.</strong> Syncing, exports and saving files to this
          computer will not work until it is back. Everything already saved is still on this device. If this does not
          clear in a moment, close Chorus and start it again.
        </p>
      )}
    </div>
  );
}
