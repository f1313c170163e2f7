import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  cancelStaleSignOffs,
  createImageStore,
  getDocument,
  isDocumentDamaged,
  restoreSnapshot,
  documentWriterFor,
  updateDetails,
  useActiveProfile,
  useDb,
  useResourceDetails,
  type ResourceDetails,
  type SnapshotRecord,
} from '../../db';
import { assembleText, type BlockDocument, type SerializedBlock } from '@core/document/blocks';
import type { DocumentNode } from '@core/document/text';
import {
  addReadingCounts,
  countWords,
  noReadingCounts,
  readingCounts,
  type ReadingCounts,
} from '@core/document/text-stats';
import { ChorusEditor } from '../../editor/ChorusEditor';
import { createDocumentSerializer } from '../../editor/document-serializer';
import { EditorToolbar } from '../../editor/EditorToolbar';
import { stripReviewMarks } from '../../editor/review';
import { Page } from '../../ui/Page';
import { CommentsPanel } from './CommentsPanel';
import { DamagedDraft } from './DamagedDraft';
import { damagedFieldsText } from './DamagedDetails';
import { DetailsForm } from './DetailsForm';
import { HistoryPanel } from './HistoryPanel';
import { SaveStatusLine } from './SaveStatusLine';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useClock } from '../clock';
import { useAutosaver, useFlushOnLeave } from '../saving/useAutosaver';
import { createValueStore } from '../saving/value-store';
import { WhereUsedPanel } from './WhereUsedPanel';
import { WritingAids, type SavedText } from './WritingAids';
import './drafting.css';

/**
 * One draft: its title, the editor, details, writing aids and history. Every change is saved
 * within half a second of the last keystroke, and at once when focus leaves the editor, the
 * window is hidden or closed, or the user leaves this screen.
 */
/** What the Drafts list hands a draft it has just imported: something to check, said once. */
export interface ImportedDraftState {
  importNotice: string;
}

export function ResourcePage() {
  const { resourceId = '' } = useParams();
  const db = useDb();
  const clock = useClock();
  const location = useLocation();
  const navigate = useNavigate();
  const [importNotice] = useState(() => (location.state as Partial<ImportedDraftState> | null)?.importNotice);
  // Said once: the browser keeps a page's state through a reload, so it is taken off at once.
  useEffect(() => {
    if (importNotice !== undefined) void navigate(location.pathname, { replace: true, state: null });
  }, [importNotice, navigate, location.pathname]);
  const resource = useResourceDetails(resourceId);
  const profile = useActiveProfile();
  const [loaded, setLoaded] = useState<{ doc: DocumentNode; text: string; damaged: boolean } | null | undefined>(
    undefined,
  );
  const [editorKey, setEditorKey] = useState(0);
  const [editor, setEditor] = useState<Editor | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const [saved] = useState(() =>
    createValueStore<SavedText>({ text: () => '', wordCount: 0, reading: () => noReadingCounts }),
  );
  // Each block's reading counts, kept while the serialiser keeps the block (it reuses untouched ones),
  // so the reading age after a pause counts what was typed, not the draft.
  const [countBlock] = useState(() => {
    const known = new WeakMap<SerializedBlock, ReadingCounts>();
    return (block: SerializedBlock): ReadingCounts => {
      let counts = known.get(block);
      if (counts === undefined) {
        counts = block.texts.map(readingCounts).reduce(addReadingCounts, noReadingCounts);
        known.set(block, counts);
      }
      return counts;
    };
  });
  const pendingDetails = useRef<Partial<ResourceDetails>>({});
  const images = useMemo(() => createImageStore(db), [db]);
  const [serialize] = useState(createDocumentSerializer);
  const lastSaved = useRef<BlockDocument | null>(null);

  useEffect(() => () => images.release(), [images]);
  useEffect(() => () => documentWriterFor(db).forget(resourceId), [db, resourceId]);

  useEffect(() => {
    let live = true;
    void getDocument(db, resourceId).then((record) => {
      if (!live) return;
      setLoaded(
        record === undefined ? null : { doc: record.doc, text: record.text, damaged: isDocumentDamaged(record) },
      );
      const text = record?.text ?? '';
      let reading: ReadingCounts | undefined;
      saved.set({ text: () => text, wordCount: countWords(text), reading: () => (reading ??= readingCounts(text)) });
    });
    return () => {
      live = false;
    };
  }, [db, resourceId, editorKey, saved]);

  const saveDocumentNow = async () => {
    const current = editorRef.current;
    if (current === null) return clock.now();
    const document = serialize(current.state.doc);
    const { savedAt } = await documentWriterFor(db).save(resourceId, document, clock.now());
    lastSaved.current = document;
    // Only a draft in review has sign-offs an edit can make stale.
    if (resource?.status === 'in-review') await cancelStaleSignOffs(db, resourceId, profile ?? null, stripReviewMarks);
    return savedAt;
  };
  const saveDetailsNow = async () => {
    const patch = pendingDetails.current;
    pendingDetails.current = {};
    const at = clock.now();
    try {
      await updateDetails(db, resourceId, patch, at);
      await cancelStaleSignOffs(db, resourceId, profile ?? null, stripReviewMarks);
    } catch (error) {
      pendingDetails.current = { ...patch, ...pendingDetails.current };
      throw error;
    }
    return at;
  };
  // The writing aids and panels follow the saved text, updated with "Saved". The whole text is
  // put together only if something reads it (the reading age, after a pause; a comparison).
  const showSaved = () => {
    const document = lastSaved.current;
    if (document === null) return;
    let text: string | undefined;
    let reading: ReadingCounts | undefined;
    saved.set({
      text: () => (text ??= assembleText(document.blocks)),
      wordCount: document.wordCount,
      reading: () => (reading ??= document.blocks.map(countBlock).reduce(addReadingCounts, noReadingCounts)),
    });
  };
  const { saver: documentSaver, status: documentStatus } = useAutosaver(saveDocumentNow, showSaved);
  const { saver: detailsSaver, status: detailsStatus } = useAutosaver(saveDetailsNow);

  const flushAll = useCallback(async () => {
    await Promise.all([documentSaver.flush(), detailsSaver.flush()]);
  }, [documentSaver, detailsSaver]);

  useFlushOnLeave(flushAll);

  const changeDetails = useCallback(
    (patch: Partial<ResourceDetails>) => {
      pendingDetails.current = { ...pendingDetails.current, ...patch };
      detailsSaver.changed();
    },
    [detailsSaver],
  );

  const restore = useCallback(
    async (snapshot: SnapshotRecord) => {
      await flushAll();
      if (snapshot.id === undefined) return;
      await restoreSnapshot(db, snapshot.id);
      setLoaded(undefined);
      setEditorKey((key) => key + 1);
    },
    [db, flushAll],
  );

  const renderPreview = useCallback(
    (snapshot: SnapshotRecord) => (
      <ChorusEditor content={snapshot.doc} images={images} label="Saved version, read only" editable={false} />
    ),
    [images],
  );

  // A facilitator's edits are suggestions: the words belong to the consultee, who decides on each.
  // The editor stays read-only until the profile is known, so no keystroke slips in as a direct edit.
  const suggestingAs = profile?.role === 'facilitator' ? profile.id : null;
  useEffect(() => {
    if (editor === null) return;
    editor.commands.setSuggesting(suggestingAs !== null, suggestingAs ?? undefined);
  }, [editor, suggestingAs]);

  const onReady = useCallback(
    (instance: Editor | null) => {
      editorRef.current = instance;
      setEditor(instance);
      // Serialising the whole draft once, and handing it to the writer's worker, while nothing else
      // is going on, leaves only the blocks typed in for each save: otherwise the first save after
      // opening would pay for all of it, and for starting the worker.
      if (instance !== null) {
        requestIdleCallback(
          () => {
            if (instance.isDestroyed) return;
            const document = serialize(instance.state.doc);
            documentWriterFor(db).keep(resourceId, document);
            // The blocks' reading counts too, in an idle moment of their own, so the first reading age
            // after a save counts only the blocks typed in.
            requestIdleCallback(() => document.blocks.forEach(countBlock), { timeout: 5000 });
          },
          { timeout: 5000 },
        );
      }
    },
    [serialize, db, resourceId, countBlock],
  );

  if (resource === undefined || loaded === undefined) return <p className="loading">Opening the draft…</p>;
  if (resource === null || loaded === null) {
    return (
      <Page title="Draft not found" intro="This draft is not on this device. It may have been deleted from the Trash.">
        <Link to="/drafts" className="button">
          Back to drafts
        </Link>
      </Page>
    );
  }

  if (loaded.damaged) {
    return (
      <DamagedDraft
        resource={resource}
        text={loaded.text}
        onRecovered={() => {
          setLoaded(undefined);
          setEditorKey((key) => key + 1);
        }}
      />
    );
  }

  // An approved version is frozen, and a withdrawn resource is finished with: neither can change here.
  const locked = resource.status === 'approved' || resource.status === 'withdrawn';
  return (
    <div className="resource-page">
      <div className="resource-editor">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/drafts">Drafts</Link>
        </nav>
        <TitleField
          key={resource.id}
          initial={resource.title}
          readOnly={locked}
          onChange={(title) => changeDetails({ title })}
        />
        <SaveStatusLine document={documentStatus} details={detailsStatus} onRetry={() => void flushAll()} />
        {typeof importNotice === 'string' && <p className="notice-inline">{importNotice}</p>}
        {resource.damaged !== undefined && (
          <p className="notice-inline">
            Some of this draft’s details could not be read ({damagedFieldsText(resource.damaged)}), so Chorus shows safe
            ones instead. Check them under Details: what is shown is kept when the draft is next saved.
          </p>
        )}
        {locked && (
          <p className="notice-inline">
            {resource.status === 'approved'
              ? 'This version is approved, so it cannot change. To change it, start a new version in Review.'
              : 'This resource has been withdrawn, so it cannot change.'}{' '}
            <Link to={`/review/${resource.id}`}>Open in Review</Link>
          </p>
        )}
        {editor !== null && !locked && <EditorToolbar editor={editor} images={images} />}
        <ChorusEditor
          key={`${editorKey}-${locked ? 'locked' : 'open'}`}
          editable={!locked && profile !== undefined}
          content={loaded.doc}
          images={images}
          label="Draft text"
          onReady={onReady}
          onChange={() => documentSaver.changed()}
          onBlur={() => void documentSaver.flush()}
        />
      </div>
      <aside className="resource-side" aria-label="About this draft">
        <WritingAids saved={saved} />
        {editor !== null && !locked && (
          <>
            <SuggestionsPanel editor={editor} profile={profile ?? null} saved={saved} />
            <CommentsPanel editor={editor} resourceId={resource.id} profile={profile ?? null} saved={saved} />
          </>
        )}
        <DetailsForm key={resource.id} resource={resource} onChange={changeDetails} disabled={locked} />
        <HistoryPanel
          resourceId={resource.id}
          saved={saved}
          beforeSnapshot={flushAll}
          onRestore={restore}
          renderPreview={renderPreview}
        />
        <WhereUsedPanel resourceId={resource.id} />
      </aside>
    </div>
  );
}

function TitleField({
  initial,
  readOnly,
  onChange,
}: {
  initial: string;
  readOnly: boolean;
  onChange: (title: string) => void;
}) {
  const [title, setTitle] = useState(initial);
  return (
    <h1 className="title-heading" tabIndex={-1}>
      <label className="visually-hidden" htmlFor="resource-title">
        Title
      </label>
      <input
        id="resource-title"
        className="title-input"
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          onChange(event.target.value);
        }}
        placeholder="Untitled draft"
        readOnly={readOnly}
        autoComplete="off"
      />
    </h1>
  );
}
