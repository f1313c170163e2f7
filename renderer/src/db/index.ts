export { ChorusDb, defaultDatabaseName, openChorusDb } from './database';
export { DbProvider, useDb } from './DbProvider';
export { useDocumentTexts, useResource, useResourceList, useSnapshots, useTrashCount } from './hooks';
export { createImageStore, ImageRejected } from './images';
export * from './records';
export {
  createResource,
  duplicateResource,
  emptyTrash,
  getDocument,
  getResource,
  moveToTrash,
  restoreFromTrash,
  saveDocument,
  untitled,
  updateDetails,
  type ResourceDetails,
} from './resources';
export { autoSnapshotIntervalMs, getSnapshot, restoreSnapshot, takeSnapshot } from './snapshots';
export { isQuotaError, requestPersistentStorage } from './storage';
