import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { DraftsList } from './DraftsList';
import { TrashList } from './TrashList';

// The editor is the heaviest part of the app; it loads only when a draft is opened.
const ResourcePage = lazy(() => import('./ResourcePage').then((module) => ({ default: module.ResourcePage })));

export function DraftsPage() {
  return (
    <Routes>
      <Route index element={<DraftsList />} />
      <Route path="trash" element={<TrashList />} />
      <Route
        path=":resourceId"
        element={
          <Suspense fallback={<p className="loading">Opening the draft…</p>}>
            <ResourcePage />
          </Suspense>
        }
      />
    </Routes>
  );
}
