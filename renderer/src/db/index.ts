export { ChorusDb, defaultDatabaseName, openChorusDb } from './database';
export { DbProvider, useDb } from './DbProvider';
export {
  useActiveProfile,
  useAuditTrail,
  useDocumentTexts,
  useFindingDecisions,
  useKnownDetails,
  useLibrary,
  useWithdrawnLibrary,
  useLibraryResource,
  useOutbox,
  usePackSummaries,
  usePackView,
  useProfiles,
  useResource,
  useResourceDetails,
  useRecentResources,
  useResourceList,
  useResourceUse,
  useSavedDocument,
  useSignOffs,
  useApprovedVersionCount,
  useSkippedFiles,
  useSnapshots,
  useSupportContacts,
  useSyncState,
  useThreads,
  useTrashCount,
} from './hooks';
export { reply, setThreadResolved, startThread, type Thread } from './comments';
export {
  approvedAt,
  getLibraryResource,
  getResourceUse,
  type LibraryResource,
  type ResourceUse,
  type VersionUse,
} from './library';
export {
  addPackItem,
  choosePackPurpose,
  createPack,
  deletePack,
  duplicatePack,
  getPack,
  getPackView,
  getSupportContacts,
  listPacks,
  listPackSummaries,
  movePackItem,
  PackRefused,
  removePackItem,
  removeSupportContact,
  restorePack,
  restorePackItem,
  restoreSupportContact,
  saveSupportContact,
  switchPackItemVersion,
  untitledPack,
  updatePack,
  type PackDetails,
  type PackItemView,
  type PackSummary,
  type PackView,
  type RemovedPackItem,
  type RemovedSupportContact,
} from './packs';
export { createProfile, getActiveProfile, setActiveProfile } from './profiles';
export {
  cancelStaleSignOffs,
  currentVersionContent,
  moveResource,
  ReviewRefused,
  signOff,
  withdrawResource,
  type ReviewCounts,
} from './review';
export { decideFinding, findingKey, replaceEverywhere } from './findings';
export { addKnownDetail, KnownDetailRefused, listKnownDetails, removeKnownDetail } from './known-details';
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
  listWithdrawnLibrary,
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
export { autoSnapshotIntervalMs, restoreSnapshot, takeSnapshot } from './snapshots';
export { isQuotaError, requestPersistentStorage } from './storage';
export { collectEverything, eraseDatabases, safeFileTitle, type ArchiveFile } from './everything';
export { documentFromText, isDocument, isDocumentDamaged } from './repair';
export {
  autoLockMinutesPreference,
  defaultQuickExitShortcut,
  getPreference,
  keyboardShortcutSchema,
  quickExitShortcutPreference,
  resetPreference,
  setPreference,
  usePreference,
  type KeyboardShortcut,
  type Preference,
  type QuickExitShortcutSetting,
} from './preferences';
export {
  changePassphrase,
  currentKeyForRemembering,
  finishSealing,
  getLockRecord,
  lock,
  turnOffLock,
  turnOnLock,
  unlock,
  unlockWithRememberedKey,
  UnlockRefused,
  waitAfterFailures,
  type LockRecord,
  type LockState,
  type Progress,
} from './lock';
export { VaultLocked } from './sealing';
export { documentWriterFor, type DocumentWriter } from './document-writer';
