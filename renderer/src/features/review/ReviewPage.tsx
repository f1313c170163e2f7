import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ReviewList } from './ReviewList';

// The review screen carries the editor and the identifying-details check; it loads when opened.
const ReviewResourcePage = lazy(() =>
  import('./ReviewResourcePage').then((module) => ({ default: module.ReviewResourcePage })),
);

export function ReviewPage() {
  return (
    <Routes>
      <Route index element={<ReviewList />} />
      <Route
        path=":resourceId"
        element={
          <Suspense fallback={<p className="loading">Opening the review…</p>}>
            <ReviewResourcePage />
          </Suspense>
        }
      />
    </Routes>
  );
}
