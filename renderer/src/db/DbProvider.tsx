import { createContext, useContext, type ReactNode } from 'react';
import type { ChorusDb } from './database';

const DbContext = createContext<ChorusDb | null>(null);

export function DbProvider({ db, children }: { db: ChorusDb; children: ReactNode }) {
  return <DbContext value={db}>{children}</DbContext>;
}

export function useDb(): ChorusDb {
  const db = useContext(DbContext);
  if (db === null) throw new Error('useDb must be used inside <DbProvider>');
  return db;
}
