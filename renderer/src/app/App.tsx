import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { PlatformProvider, type Platform } from '../platform';
import { areas } from './areas';
import { NeutralScreen } from './NeutralScreen';
import { Shell } from './Shell';

export function App({ platform }: { platform: Platform }) {
  const [exited, setExited] = useState(false);

  const router = useMemo(() => {
    // Rendering synchronously clears the screen in the same frame as the click.
    const quickExit = () => {
      flushSync(() => setExited(true));
      window.history.replaceState(null, '', window.location.pathname);
    };
    return createHashRouter([
      {
        path: '/',
        element: <Shell onQuickExit={quickExit} />,
        children: [
          { index: true, element: <Navigate to="/drafts" replace /> },
          ...areas.map(({ path, Page }) => ({ path, element: <Page /> })),
          { path: '*', element: <Navigate to="/drafts" replace /> },
        ],
      },
    ]);
  }, []);

  if (exited) return <NeutralScreen />;
  return (
    <PlatformProvider platform={platform}>
      <RouterProvider router={router} />
    </PlatformProvider>
  );
}
