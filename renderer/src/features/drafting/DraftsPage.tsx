import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { DraftsList } from './DraftsList';
import { ResourceScreen } from './resource-screen';
import { TrashList } from './TrashList';

export function DraftsPage() {
  return (
    <Routes>
      <Route index element={<DraftsList />} />
      <Route path="trash" element={<TrashList />} />
      <Route
        path=":resourceId"
        element={
          <Suspense fallback={<p className="loading">Opening the draft…</p>}>
            <ResourceScreen />
          </Suspense>
        }
      />
    </Routes>
  );
}
