import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { LibraryList } from './LibraryList';

// A resource page shows the document with the editor, the heaviest part of the app; it loads
// only when a resource is opened.
const LibraryResourcePage = lazy(() =>
  import('./LibraryResourcePage').then((module) => ({ default: module.LibraryResourcePage })),
);

/** The Library area: the list of approved resources, and one resource with its versions. */
export function LibraryPage() {
  return (
    <Routes>
      <Route index element={<LibraryList />} />
      <Route
        path=":resourceId"
        element={
          <Suspense fallback={<p className="loading">Opening the resource…</p>}>
            <LibraryResourcePage />
          </Suspense>
        }
      />
    </Routes>
  );
}
