import type { Clock } from '@core/clock';
import type { BlockDocument } from '@core/document/blocks';
import type { DocumentNode } from '@core/document/text';
import {
  cancelStaleSignOffs,
  documentWriterFor,
  getDocument,
  isDocumentDamaged,
  restoreSnapshot,
  takeSnapshot,
  updateDetails,
  type ChorusDb,
  type DocumentWriter,
  type ProfileRecord,
  type ResourceDetails,
  type ResourceStatus,
} from '../../db';
import type { SaveStatus } from '../../saving/autosave';
import { flushOnLeave, pageLeaveSignal, type LeaveSignal } from '../../saving/leaving';
import { createStatusAutosaver } from '../../saving/save-status';
import type { ValueStore } from '../../saving/value-store';
import { createSavedText, type SavedText } from './saved-text';

export interface DraftSessionOptions {
  db: ChorusDb;
  resourceId: string;
  clock: Clock;
  /** Who is editing, and the resource's state, until `follow` says otherwise. */
  profile?: ProfileRecord | null;
  status?: ResourceStatus;
  /** The draft's way to the database; the database's worker-based writer unless given. */
  writer?: DocumentWriter;
  /** When the page is being left; the page's own events unless given. */
  leaving?: LeaveSignal;
  /** Autosave's pause after the last change, and its longest wait while typing goes on. */
  delayMs?: number;
  maxWaitMs?: number;
}

/** What the draft was opened with. */
export interface OpenedDraft {
  doc: DocumentNode;
  text: string;
  /** The stored document could not be read: `text` is what it still has. */
  damaged: boolean;
}

/**
 * One open draft: saving its document and details after a pause in typing, at once when asked
 * (focus leaving the editor) or when the page is left; its status, told honestly ("Saved" only
 * once the write is on disk, and any stale sign-offs are cancelled); the saved text the writing
 * aids follow; and its history (automatic snapshots come with saves, every ten minutes of
 * editing; named ones and restores go through here, after what is unsaved).
 */
export interface DraftSession {
  readonly documentStatus: ValueStore<SaveStatus>;
  readonly detailsStatus: ValueStore<SaveStatus>;
  /** The draft as last saved (or opened). */
  readonly saved: ValueStore<SavedText>;
  /** Reads the stored draft, for the editor to open. `null` if the draft is not on this device. */
  load(): Promise<OpenedDraft | null>;
  /** Where the current document comes from (the editor, serialised); `null` while there is none. */
  attach(read: (() => BlockDocument) | null): void;
  /**
   * Hands the whole document to the writer without saving it, so the first save sends only what
   * changed, and counts its reading figures ahead. Call it in an idle moment after the draft opens.
   */
  prepare(): BlockDocument | null;
  countAhead(document: BlockDocument): void;
  /** Who is editing, and the resource's state as last read: only a draft in review has sign-offs to cancel. */
  follow(context: { profile: ProfileRecord | null; status: ResourceStatus | undefined }): void;
  documentChanged(): void;
  detailsChanged(patch: Partial<ResourceDetails>): void;
  /** Saves everything unsaved now; resolves when it is saved or a save failed (the status says which). */
  flush(): Promise<void>;
  /** A named version of what is on screen. */
  saveVersion(label: string): Promise<void>;
  /** Puts a snapshot back as the draft, after saving what is unsaved; load the draft again after. */
  restore(snapshotId: number): Promise<void>;
  /** Saves when the page is left, and for the app lock's flush of every open draft, until disposed. */
  open(): void;
  /** Stops listening, saves what is unsaved and lets the writer forget the draft. Can be opened again. */
  dispose(): Promise<void>;
}

export function createDraftSession(options: DraftSessionOptions): DraftSession {
  const { db, resourceId, clock } = options;
  const writer = options.writer ?? documentWriterFor(db);
  const leaving = options.leaving ?? pageLeaveSignal;
  const savedText = createSavedText();
  let profile = options.profile ?? null;
  let status = options.status;
  let read: (() => BlockDocument) | null = null;
  let pendingDetails: Partial<ResourceDetails> = {};
  let lastSaved: BlockDocument | null = null;
  let close: (() => Promise<void>) | null = null;

  const cancelStale = () => cancelStaleSignOffs(db, resourceId, profile, clock.now());

  const saveDocumentNow = async () => {
    if (read === null) return clock.now();
    const document = read();
    const { savedAt } = await writer.save(resourceId, document, clock.now());
    lastSaved = document;
    // Only a draft in review has sign-offs an edit can make stale: others are spared the hashing.
    if (status === 'in-review') await cancelStale();
    return savedAt;
  };

  const saveDetailsNow = async () => {
    const patch = pendingDetails;
    pendingDetails = {};
    const at = clock.now();
    try {
      await updateDetails(db, resourceId, patch, at);
      await cancelStale();
    } catch (error) {
      pendingDetails = { ...patch, ...pendingDetails };
      throw error;
    }
    return at;
  };

  const saver = (save: () => Promise<number>, onSaved?: () => void) =>
    createStatusAutosaver({
      save,
      // In the same task as the status, so the page shows both in one frame.
      ...(onSaved === undefined ? {} : { onSaved }),
      clock,
      ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
      ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }),
    });
  const documentSaver = saver(saveDocumentNow, () => {
    if (lastSaved !== null) savedText.saved(lastSaved);
  });
  const detailsSaver = saver(saveDetailsNow);

  const flush = async () => {
    await Promise.all([documentSaver.autosaver.flush(), detailsSaver.autosaver.flush()]);
  };

  return {
    documentStatus: documentSaver.status,
    detailsStatus: detailsSaver.status,
    saved: savedText.store,
    async load() {
      const record = await getDocument(db, resourceId);
      savedText.opened(record?.text ?? '');
      return record === undefined ? null : { doc: record.doc, text: record.text, damaged: isDocumentDamaged(record) };
    },
    attach(next) {
      read = next;
    },
    prepare() {
      if (read === null) return null;
      const document = read();
      writer.keep(resourceId, document);
      return document;
    },
    countAhead: (document) => savedText.countAhead(document),
    follow(context) {
      profile = context.profile;
      status = context.status;
    },
    documentChanged: () => documentSaver.autosaver.changed(),
    detailsChanged(patch) {
      pendingDetails = { ...pendingDetails, ...patch };
      detailsSaver.autosaver.changed();
    },
    flush,
    async saveVersion(label) {
      await flush();
      await takeSnapshot(db, resourceId, 'named', label, clock.now());
    },
    async restore(snapshotId) {
      await flush();
      await restoreSnapshot(db, snapshotId, clock.now());
    },
    open() {
      close ??= flushOnLeave(flush, leaving);
    },
    async dispose() {
      const closing = close;
      close = null;
      await (closing === null ? flush() : closing());
      writer.forget(resourceId);
    },
  };
}
