import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  audienceLabels,
  audiences,
  createImageStore,
  createResource,
  duplicateResource,
  moveToTrash,
  resourceStatuses,
  restoreFromTrash,
  statusLabels,
  updateDetails,
  useDb,
  useDocumentTexts,
  useRecentResources,
  useResourceList,
  useTrashCount,
  type ResourceRecord,
} from '../../db';
import { EmptyState } from '../../ui/EmptyState';
import { FormDialog } from '../../ui/FormDialog';
import { formatWhen } from '@core/clock';
import { plural } from '../../ui/format';
import { Notice, type NoticeContent } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { whenIdle } from '../../ui/lazy';
import { SelectField } from '../../ui/SelectField';
import { DamagedBadge, useDamageId } from './DamagedDetails';
import type { ImportedDraftState } from './ResourcePage';
import { preloadEditor } from './resource-screen';
import { filterResources, noFilters, topicsOf, type DraftFilters } from './search';
import { useClock } from '../clock';

const pageSize = 100;
/** Rows drawn before the browser's first idle moment: more than fill a tall screen. */
const firstScreenRows = 20;
const importTypes = '.docx,.md,.markdown,.txt';

export function DraftsList() {
  const db = useDb();
  const navigate = useNavigate();
  // The newest page first, so 2,000 drafts appear as fast as 100, and of that page only what fills
  // the screen; the rest of the page, and the whole list (for search, filters, topics and "Show
  // more"), once that is on screen and the browser is idle, or at once when a search or filter is set.
  const recent = useRecentResources(pageSize);
  const [filters, setFilters] = useState<DraftFilters>(noFilters);
  const filtering = JSON.stringify(filters) !== JSON.stringify({ ...noFilters, sort: filters.sort });
  const idle = useAfterFirstIdle(recent !== undefined);
  const wantAll = idle || filters !== noFilters;
  const all = useResourceList(0, wantAll);
  const resources = all ?? recent?.items;
  const trashCount = useTrashCount();
  const texts = useDocumentTexts(filters.query.trim() !== '');
  const [shown, setShown] = useState(pageSize);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [renaming, setRenaming] = useState<ResourceRecord | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();

  const visible = useMemo(
    () => (resources === undefined ? [] : filterResources(resources, filters, texts)),
    [resources, filters, texts],
  );
  const topics = useMemo(() => topicsOf(resources ?? []), [resources]);
  // Until the whole list is read, what is known of it: the first page and how many there are.
  const complete = all !== undefined;
  // Once the whole list is read, the editor's code is fetched and compiled in the next idle moment.
  useEffect(() => (complete ? whenIdle(preloadEditor) : undefined), [complete]);
  const found = complete || filtering ? visible.length : (recent?.total ?? 0);

  const setFilter = <K extends keyof DraftFilters>(key: K, value: DraftFilters[K]) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setShown(pageSize);
  };

  const newDraft = async () => {
    const id = await createResource(db);
    void navigate(`/drafts/${id}`);
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    setImportError(null);
    setImporting(true);
    try {
      // The converters (mammoth, marked, the editor schema) are large; they load on first import.
      const { importFile, ImportError } = await import('../../editor/import');
      try {
        const { title, doc, notice } = await importFile(file, createImageStore(db));
        const id = await createResource(db, { title, doc });
        const state: ImportedDraftState | undefined = notice === undefined ? undefined : { importNotice: notice };
        void navigate(`/drafts/${id}`, { state });
      } catch (error) {
        setImportError(
          error instanceof ImportError ? error.message : 'This file could not be imported. Please try another file.',
        );
      }
    } finally {
      setImporting(false);
    }
  };

  const trash = async (resource: ResourceRecord) => {
    await moveToTrash(db, resource.id);
    setNotice({
      message: `“${resource.title}” moved to the Trash.`,
      action: { label: 'Undo', run: () => void restoreFromTrash(db, resource.id) },
    });
  };

  const duplicate = async (resource: ResourceRecord) => {
    await duplicateResource(db, resource.id);
    setNotice({ message: `Made a copy of “${resource.title}”.` });
  };

  const actions = (
    <div className="page-actions">
      <button type="button" className="button" onClick={() => void newDraft()}>
        New draft
      </button>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => fileInput.current?.click()}
        disabled={importing}
      >
        {importing ? 'Importing…' : 'Import a file'}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept={importTypes}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => void onImport(event)}
      />
      <Link to="/drafts/trash" className="button button-quiet">
        Trash{trashCount ? ` (${trashCount})` : ''}
      </Link>
    </div>
  );

  return (
    <Page title="Drafts" intro="Your drafts are kept on this device only. Nobody else can see them.">
      {actions}
      {importError !== null && (
        <p role="alert" className="error-message">
          {importError}
        </p>
      )}
      {resources === undefined && <p className="loading">Loading your drafts…</p>}
      {resources !== undefined && resources.length === 0 && (
        <EmptyState title="No drafts yet">
          <p>
            This is where you write stories, guidance and what you wish professionals knew. Start with a blank draft, or
            bring in something you have already written (Word .docx, Markdown or plain text).
          </p>
          <p>Drafts never leave this device unless you and your facilitator approve a version together.</p>
        </EmptyState>
      )}
      {resources !== undefined && resources.length > 0 && (
        <>
          <search className="filters" aria-label="Find drafts">
            <div className="field field-wide">
              <label htmlFor={`${ids}-q`}>Search drafts</label>
              <input
                id={`${ids}-q`}
                type="search"
                value={filters.query}
                onChange={(event) => setFilter('query', event.target.value)}
                placeholder="Title, summary or any words in the text"
              />
            </div>
            <SelectField
              id={`${ids}-status`}
              label="Status"
              value={filters.status}
              anyLabel="Any status"
              options={resourceStatuses.map((status) => ({ value: status, label: statusLabels[status] }))}
              onChange={(status) => setFilter('status', status)}
            />
            <SelectField
              id={`${ids}-audience`}
              label="Audience"
              value={filters.audience}
              anyLabel="Any audience"
              options={audiences.map((audience) => ({ value: audience, label: audienceLabels[audience] }))}
              onChange={(audience) => setFilter('audience', audience)}
            />
            <SelectField
              id={`${ids}-topic`}
              label="Topic"
              value={filters.topic}
              anyLabel="Any topic"
              options={topics.map((topic) => ({ value: topic, label: topic }))}
              onChange={(topic) => setFilter('topic', topic)}
            />
            <SelectField
              id={`${ids}-sort`}
              label="Sort by"
              value={filters.sort}
              options={[
                { value: 'edited', label: 'Last edited' },
                { value: 'title', label: 'Title (A to Z)' },
              ]}
              onChange={(sort) => setFilter('sort', sort === '' ? 'edited' : sort)}
            />
          </search>
          <p className="result-count" aria-live="polite">
            {filtering ? `${plural(found, 'draft')} found` : plural(found, 'draft')}
            {filtering && (
              <button
                type="button"
                className="link-button"
                onClick={() => setFilters({ ...noFilters, sort: filters.sort })}
              >
                Clear search and filters
              </button>
            )}
          </p>
          <ul className="resource-list" aria-label="Drafts">
            {visible.slice(0, wantAll ? shown : Math.min(shown, firstScreenRows)).map((resource) => (
              <ResourceRow
                key={resource.id}
                resource={resource}
                onRename={() => setRenaming(resource)}
                onDuplicate={() => void duplicate(resource)}
                onTrash={() => void trash(resource)}
              />
            ))}
          </ul>
          {found > shown && (
            <button type="button" className="button button-secondary" onClick={() => setShown(shown + pageSize)}>
              Show {Math.min(pageSize, found - shown)} more
            </button>
          )}
        </>
      )}
      <RenameDialog
        key={renaming?.id ?? 'closed'}
        resource={renaming}
        onClose={() => setRenaming(null)}
        onRename={(title) => {
          if (renaming !== null) void updateDetails(db, renaming.id, { title });
          setRenaming(null);
        }}
      />
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </Page>
  );
}

function ResourceRow({
  resource,
  onRename,
  onDuplicate,
  onTrash,
}: {
  resource: ResourceRecord;
  onRename: () => void;
  onDuplicate: () => void;
  onTrash: () => void;
}) {
  const clock = useClock();
  const damageId = useDamageId(resource.damaged);
  return (
    <li className="resource-row">
      <div className="resource-main">
        <h2 className="resource-title">
          <Link to={`/drafts/${resource.id}`} aria-describedby={damageId}>
            {resource.title}
          </Link>
        </h2>
        {resource.summary !== '' && <p className="resource-summary">{resource.summary}</p>}
        {damageId !== undefined && <DamagedBadge id={damageId} fields={resource.damaged ?? []} />}
        <p className="resource-meta">
          <span className="badge">{statusLabels[resource.status]}</span>
          <span>Edited {formatWhen(resource.updatedAt, clock)}</span>
          <span>{plural(resource.wordCount, 'word')}</span>
          {resource.audiences.length > 0 && <span>{resource.audiences.map((a) => audienceLabels[a]).join(', ')}</span>}
        </p>
      </div>
      <div className="row-actions" role="group" aria-label={`Actions for ${resource.title}`}>
        <button type="button" className="button button-small button-secondary" onClick={onRename}>
          Rename
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onTrash}>
          Move to Trash
        </button>
      </div>
    </li>
  );
}

function RenameDialog({
  resource,
  onClose,
  onRename,
}: {
  resource: ResourceRecord | null;
  onClose: () => void;
  onRename: (title: string) => void;
}) {
  const [title, setTitle] = useState(resource?.title ?? '');
  const id = useId();
  return (
    <FormDialog
      open={resource !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Rename draft"
      submitLabel="Rename"
      onSubmit={() => onRename(title)}
    >
      <div className="field">
        <label htmlFor={id}>New title</label>
        <input id={id} value={title} onChange={(event) => setTitle(event.target.value)} autoComplete="off" />
      </div>
    </FormDialog>
  );
}

/**
 * False until `ready` has been true and the browser has had an idle moment since (at most a second
 * later), then true for good. The first page of the list is drawn and answers input before the
 * rest is read: reading and checking 2,000 drafts is a long task that would otherwise hold up the
 * first click or key press.
 */
function useAfterFirstIdle(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => (ready && !idle ? whenIdle(() => setIdle(true), 1_000) : undefined), [ready, idle]);
  return idle;
}
