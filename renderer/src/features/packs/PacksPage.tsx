import { Route, Routes } from 'react-router';
import { PackEditor } from './PackEditor';
import { PacksList } from './PacksList';

export function PacksPage() {
  return (
    <Routes>
      <Route index element={<PacksList />} />
      <Route path=":packId" element={<PackEditor />} />
    </Routes>
  );
}
