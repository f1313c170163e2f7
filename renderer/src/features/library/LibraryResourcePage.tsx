import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { approvedAt, useLibraryResource, type LibraryVersionRecord } from '../../db';
import { purposeLabels } from '@core/co-production/consent';
import { creditOf } from '@core/co-production/credit';
import { ChorusEditor } from '../../editor/ChorusEditor';
import { noPictures } from '../../editor/image-store';
import { Page } from '../../ui/Page';
import { formatDay, formatIsoDate, today as todayIn } from '@core/clock';
import { audienceList, isReviewDue, labelKey } from './library';
import type { LibraryLinkState } from './LibraryList';
import { useClock } from '../clock';
import './library.css';

function titleOf(record: LibraryVersionRecord): string {
  const title = record.approved.content.title.trim();
  return title === '' ? 'Untitled' : title;
}

/**
 * One resource of the library (`/library/:resourceId`, `?version=2` for an earlier version): its
 * content warnings first, then its details, the document read-only and its other versions. A
 * withdrawn resource says so and shows nothing of its content.
 */
export function LibraryResourcePage() {
  const clock = useClock();
  const { resourceId = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const resource = useLibraryResource(resourceId);
  const listSearch = (location.state as Partial<LibraryLinkState> | null)?.listSearch ?? '';
  const listPath = `/library${listSearch}`;

  if (resource === undefined) return <p className="loading">Opening the resource…</p>;
  if (resource === null) {
    return (
      <Page
        title="Resource not found"
        intro="This resource is not in the library on this device. It may not have synced yet."
      >
        <BackToLibrary to={listPath} />
      </Page>
    );
  }
  const newest = resource.versions[0];
  if (resource.withdrawnAt !== null || newest === undefined) {
    const name = newest === undefined ? 'It' : `“${titleOf(newest)}”`;
    return (
      <Page title="This resource was withdrawn">
        <p className="notice-inline">
          <strong>
            {name} was withdrawn on {formatDay(resource.withdrawnAt ?? 0, clock)} and cannot be used.
          </strong>
        </p>
        <p>
          The person who wrote it has withdrawn their agreement, so none of its versions are shown or can be added to a
          training pack. If it is in one of your packs, take it out before the next session.
        </p>
        <BackToLibrary to={listPath} />
      </Page>
    );
  }

  const asked = params.get('version');
  const selected = asked === null ? newest : resource.versions.find((each) => String(each.version) === asked);
  if (selected === undefined) {
    return (
      <Page title="Version not found" intro={`Version ${asked ?? ''} of “${titleOf(newest)}” is not in the library.`}>
        <Link to={`/library/${resourceId}`} state={location.state as unknown} className="button">
          Read the newest version
        </Link>
      </Page>
    );
  }
  return (
    <ResourceReader
      key={resourceId}
      versions={resource.versions}
      selected={selected}
      listPath={listPath}
      linkState={location.state as unknown}
    />
  );
}

function BackToLibrary({ to }: { to: string }) {
  return (
    <Link to={to} className="button">
      Back to the library
    </Link>
  );
}

/**
 * Shows the warnings of a version before its content, once per warning while the resource is
 * open: moving to another version with the same warnings does not ask again, one with a new
 * warning does.
 */
function ResourceReader({
  versions,
  selected,
  listPath,
  linkState,
}: {
  versions: readonly LibraryVersionRecord[];
  selected: LibraryVersionRecord;
  listPath: string;
  linkState: unknown;
}) {
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set());
  const warnings = selected.approved.content.contentWarnings;
  const unseen = warnings.some((warning) => !seen.has(labelKey(warning)));
  if (unseen) {
    return (
      <WarningsFirst
        key={selected.id}
        record={selected}
        listPath={listPath}
        onShow={() => setSeen(new Set([...seen, ...warnings.map(labelKey)]))}
      />
    );
  }
  return (
    <VersionView key={selected.id} versions={versions} record={selected} listPath={listPath} linkState={linkState} />
  );
}

function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

function WarningsFirst({
  record,
  listPath,
  onShow,
}: {
  record: LibraryVersionRecord;
  listPath: string;
  onShow: () => void;
}) {
  const navigate = useNavigate();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const id = useId();
  const { contentWarnings } = record.approved.content;
  return (
    <article className="page warning-first" aria-labelledby={`${id}-heading`}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={listPath}>Library</Link>
      </nav>
      <div className="warning-panel">
        <h1 id={`${id}-heading`} ref={heading} tabIndex={-1} className="page-title">
          Content {contentWarnings.length === 1 ? 'warning' : 'warnings'}
        </h1>
        <p>
          “{titleOf(record)}” (version {record.version}) has{' '}
          {contentWarnings.length === 1 ? 'a content warning' : 'these content warnings'}:
        </p>
        <ul className="warning-list">
          {contentWarnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
        <p>Take a moment if you need one. You can come back to it at any time.</p>
        <div className="actions">
          <button type="button" className="button" onClick={onShow}>
            Show the resource
          </button>
          <button type="button" className="button button-secondary" onClick={() => void navigate(listPath)}>
            Back to the library
          </button>
        </div>
      </div>
    </article>
  );
}

function VersionView({
  versions,
  record,
  listPath,
  linkState,
}: {
  versions: readonly LibraryVersionRecord[];
  record: LibraryVersionRecord;
  listPath: string;
  linkState: unknown;
}) {
  const clock = useClock();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // Whether a review is due is read once when the version opens.
  const [today] = useState(() => todayIn(clock));
  const id = useId();
  const { content, consent } = record.approved;
  const newest = versions[0] ?? record;
  const isNewest = newest.id === record.id;
  const others = versions.filter((each) => each.id !== record.id);
  const due = isReviewDue(content.reviewBy, today);

  return (
    <article className="page library-resource" aria-labelledby={`${id}-title`}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={listPath}>Library</Link>
      </nav>
      <header className="page-header">
        <h1 id={`${id}-title`} ref={heading} tabIndex={-1} className="page-title">
          {titleOf(record)}
        </h1>
        <p className="library-attribution">{creditOf(record.approved)}</p>
      </header>
      {!isNewest && (
        <p className="notice-inline">
          This is version {record.version}, an earlier version. The newest in the library is version {newest.version}.{' '}
          <Link to={`/library/${record.resourceId}`} state={linkState}>
            Read the newest version
          </Link>
        </p>
      )}
      {content.contentWarnings.length > 0 && (
        <p className="content-warning-line">
          <strong>Content {content.contentWarnings.length === 1 ? 'warning' : 'warnings'}:</strong>{' '}
          {content.contentWarnings.join('; ')}
        </p>
      )}
      {content.summary.trim() !== '' && <p className="library-summary">{content.summary}</p>}
      <dl className="details library-facts">
        <dt>Version</dt>
        <dd>{content.version}</dd>
        <dt>Approved on</dt>
        <dd>{formatDay(approvedAt(record.approved), clock)}</dd>
        <dt>Who may see it</dt>
        <dd>
          {consent.choices.audiences.length > 0
            ? audienceList(consent.choices.audiences)
            : 'No audience was agreed: do not use it yet.'}
        </dd>
        {consent.choices.purposes.length > 0 && (
          <>
            <dt>May be used in</dt>
            <dd>{consent.choices.purposes.map((purpose) => purposeLabels[purpose]).join('; ')}</dd>
          </>
        )}
        {content.topics.length > 0 && (
          <>
            <dt>Topics</dt>
            <dd>{content.topics.join(', ')}</dd>
          </>
        )}
        <dt>Review by</dt>
        <dd>
          {content.reviewBy === '' ? 'No date set' : formatIsoDate(content.reviewBy)}
          {due && (
            <>
              {' '}
              <span className="badge badge-due">Review due</span>
              <span className="review-due-note">
                The review-by date has passed. Check with the facilitator that it is still right before you use it.
              </span>
            </>
          )}
        </dd>
      </dl>
      <section className="library-document" aria-labelledby={`${id}-text`}>
        <h2 id={`${id}-text`} className="visually-hidden">
          The resource
        </h2>
        <ChorusEditor
          content={content.document}
          images={noPictures}
          label="Resource text, read only"
          editable={false}
        />
      </section>
      <section className="card library-versions" aria-labelledby={`${id}-versions`}>
        <h2 id={`${id}-versions`}>{isNewest ? 'Earlier versions' : 'Other versions'}</h2>
        {others.length === 0 ? (
          <p>This is the only version in the library.</p>
        ) : (
          <ul className="version-list">
            {others.map((each) => (
              <li key={each.id}>
                <Link
                  to={
                    each.id === newest.id
                      ? `/library/${each.resourceId}`
                      : `/library/${each.resourceId}?version=${each.version}`
                  }
                  state={linkState}
                >
                  Version {each.version}
                  {each.id === newest.id ? ' (newest)' : ''}
                </Link>{' '}
                <span className="version-meta">approved on {formatDay(approvedAt(each.approved), clock)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
