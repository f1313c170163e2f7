import type { Page } from 'playwright-core';

type Operation = { kind: 'getAll' } | { kind: 'put'; records: object[] } | { kind: 'delete'; key: string };

/**
 * One object store of the app's IndexedDB database, read or written in the page with IndexedDB
 * itself, behind the app's back: as an older Chorus, damaged storage or another program would have
 * left it. Each call is one transaction, finished before it returns.
 */
export function appStore(page: Page, store: string) {
  const run = (operation: Operation) =>
    page.evaluate(
      async ({ store, operation }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('chorus');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
        });
        try {
          const transaction = db.transaction(store, operation.kind === 'getAll' ? 'readonly' : 'readwrite');
          const objects = transaction.objectStore(store);
          let found: Array<Record<string, unknown>> = [];
          if (operation.kind === 'getAll') {
            const all = objects.getAll();
            all.onsuccess = () => {
              found = all.result as Array<Record<string, unknown>>;
            };
          } else if (operation.kind === 'put') {
            for (const record of operation.records) objects.put(record);
          } else {
            objects.delete(operation.key);
          }
          await new Promise<void>((resolve, reject) => {
            transaction.oncomplete = () => resolve();
            transaction.onabort = () => reject(transaction.error ?? new Error(`the ${store} transaction failed`));
          });
          return found;
        } finally {
          db.close();
        }
      },
      { store, operation },
    );
  return {
    getAll: (): Promise<Array<Record<string, unknown>>> => run({ kind: 'getAll' }),
    put: async (...records: object[]): Promise<void> => {
      await run({ kind: 'put', records });
    },
    delete: async (key: string): Promise<void> => {
      await run({ kind: 'delete', key });
    },
  };
}
