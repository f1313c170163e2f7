export { ChorusDb, defaultDatabaseName, openChorusDb } from './database';
export { DbProvider, useDb } from './DbProvider';
export {
  useActiveProfile,
  useApprovedVersions,
  useAuditTrail,
  useDocumentTexts,
  useFindingDecisions,
  useLibrary,
  useOutbox,
  useProfiles,
  useResource,
  useResourceList,
  useSavedDocument,
  useSignOffs,
  useSkippedFiles,
  useSnapshots,
  useSyncState,
  useThreads,
  useTrashCount,
} from './hooks';
export { reply, setThreadResolved, startThread, type Thread } from './comments';
export { createProfile, getActiveProfile, setActiveProfile } from './profiles';
export {
  cancelStaleSignOffs,
  currentVersionContent,
  moveResource,
  ReviewRefused,
  signOff,
  withdrawResource,
  type ReviewCounts,
  type ShareDocument,
} from './review';
export { decideFinding, replaceEverywhere } from './findings';
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
export {
  completeOutboxEntry,
  deferOutboxEntry,
  dueOutboxEntries,
  flagOutboxEntry,
  getSyncState,
  knownPaths,
  listLibrary,
  listOutbox,
  listSkippedFiles,
  nextDueAt,
  onOutboxAdded,
  outboxItem,
  storePulled,
  updateSyncState,
  type OutboxView,
  type SyncState,
} from './sync';
export { autoSnapshotIntervalMs, getSnapshot, restoreSnapshot, takeSnapshot } from './snapshots';
export { isQuotaError, requestPersistentStorage } from './storage';
