import type { DBCoreTable } from 'dexie';

/**
 * A table whose records pass through `map` on every way out (`get`, `getMany`, and queries that
 * return values), for the layers that turn what is stored into what readers get.
 */
export function mapReads(table: DBCoreTable, map: (value: unknown) => unknown): DBCoreTable {
  return {
    ...table,
    async get(request) {
      return map(await table.get(request));
    },
    async getMany(request) {
      return (await table.getMany(request)).map(map);
    },
    async query(request) {
      const response = await table.query(request);
      return request.values === true ? { ...response, result: response.result.map(map) } : response;
    },
  };
}
