import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  createImageStore,
  useActiveProfile,
  useDb,
  useResourceDetails,
  type ResourceDetails,
  type SnapshotRecord,
} from '../../db';
import { ChorusEditor } from '../../editor/ChorusEditor';
import { createDocumentSerializer } from '../../editor/document-serializer';
import { EditorToolbar } from '../../editor/EditorToolbar';
import { Page } from '../../ui/Page';
import { CommentsPanel } from './CommentsPanel';
import { DamagedDraft } from './DamagedDraft';
import { damagedFieldsText } from './DamagedDetails';
import { DetailsForm } from './DetailsForm';
import type { OpenedDraft } from './draft-session';
import { HistoryPanel } from './HistoryPanel';
import { SaveStatusLine } from './SaveStatusLine';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useDraftSession } from './useDraftSession';
import { WhereUsedPanel } from './WhereUsedPanel';
import { WritingAids } from './WritingAids';
import './drafting.css';

/** What the Drafts list hands a draft it has just imported: something to check, said once. */
export interface ImportedDraftState {
  importNotice: string;
}

/**
 * One draft: its title, the editor, details, writing aids and history. The draft's session
 * (`draft-session.ts`) does the saving; this page shows it.
 */
export function ResourcePage() {
  const { resourceId = '' } = useParams();
  const db = useDb();
  const location = useLocation();
  const navigate = useNavigate();
  const [importNotice] = useState(() => (location.state as Partial<ImportedDraftState> | null)?.importNotice);
  // Said once: the browser keeps a page's state through a reload, so it is taken off at once.
  useEffect(() => {
    if (importNotice !== undefined) void navigate(location.pathname, { replace: true, state: null });
  }, [importNotice, navigate, location.pathname]);
  const resource = useResourceDetails(resourceId);
  const profile = useActiveProfile();
  const session = useDraftSession(resourceId, { profile: profile ?? null, status: resource?.status });
  const [loaded, setLoaded] = useState<OpenedDraft | null | undefined>(undefined);
  const [editorKey, setEditorKey] = useState(0);
  const [editor, setEditor] = useState<Editor | null>(null);
  const images = useMemo(() => createImageStore(db), [db]);
  const [serialize] = useState(createDocumentSerializer);

  useEffect(() => () => images.release(), [images]);

  useEffect(() => {
    let live = true;
    void session.load().then((draft) => {
      if (live) setLoaded(draft);
    });
    return () => {
      live = false;
    };
  }, [session]);

  // The stored document changed under the editor (a restore, a recovery): only the editor opens
  // again. The title and details stay as they are on screen; unmounting them would bring them back
  // with what was read when the page opened, not what has been typed since.
  const reopen = useCallback(async () => {
    const draft = await session.load();
    setLoaded(draft);
    setEditorKey((key) => key + 1);
  }, [session]);

  const flush = useCallback(() => session.flush(), [session]);
  const changeDetails = useCallback((patch: Partial<ResourceDetails>) => session.detailsChanged(patch), [session]);
  const saveVersion = useCallback((label: string) => session.saveVersion(label), [session]);

  const restore = useCallback(
    async (snapshot: SnapshotRecord) => {
      if (snapshot.id === undefined) return;
      await session.restore(snapshot.id);
      await reopen();
    },
    [session, reopen],
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
      session.attach(instance === null ? null : () => serialize(instance.state.doc));
      setEditor(instance);
      // Serialising the whole draft once, and handing it to the writer's worker, while nothing else
      // is going on, leaves only the blocks typed in for each save: otherwise the first save after
      // opening would pay for all of it, and for starting the worker.
      if (instance !== null) {
        requestIdleCallback(
          () => {
            if (instance.isDestroyed) return;
            const document = session.prepare();
            // The blocks' reading counts too, in an idle moment of their own, so the first reading age
            // after a save counts only the blocks typed in.
            if (document !== null) requestIdleCallback(() => session.countAhead(document), { timeout: 5000 });
          },
          { timeout: 5000 },
        );
      }
    },
    [serialize, session],
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
    return <DamagedDraft resource={resource} text={loaded.text} onRecovered={() => void reopen()} />;
  }

  // An approved version is frozen, and a withdrawn resource is finished with: neither can change here.
  const locked = resource.status === 'approved' || resource.status === 'withdrawn';
  const editable = !locked && profile !== undefined;
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
        <SaveStatusLine
          document={session.documentStatus}
          details={session.detailsStatus}
          onRetry={() => void session.flush()}
        />
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
        {editor !== null && !locked && <EditorToolbar editor={editor} images={images} editable={editable} />}
        <ChorusEditor
          key={`${editorKey}-${locked ? 'locked' : 'open'}`}
          editable={editable}
          content={loaded.doc}
          images={images}
          label="Draft text"
          onReady={onReady}
          onChange={() => session.documentChanged()}
          onBlur={() => void session.flush()}
        />
      </div>
      <aside className="resource-side" aria-label="About this draft">
        <WritingAids saved={session.saved} />
        {editor !== null && !locked && (
          <>
            <SuggestionsPanel editor={editor} profile={profile ?? null} saved={session.saved} />
            <CommentsPanel editor={editor} resourceId={resource.id} profile={profile ?? null} saved={session.saved} />
          </>
        )}
        <DetailsForm key={resource.id} resource={resource} onChange={changeDetails} disabled={locked} />
        <HistoryPanel
          resourceId={resource.id}
          saved={session.saved}
          flush={flush}
          onSaveVersion={saveVersion}
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
