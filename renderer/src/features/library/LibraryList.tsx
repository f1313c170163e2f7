import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { audienceLabels, audiences, useDb, useLibrary, useWithdrawnLibrary, type LibraryVersionRecord } from '../../db';
import { purposeLabels } from '@core/co-production/consent';
import { creditOf } from '@core/co-production/credit';
import { EmptyState } from '../../ui/EmptyState';
import { plural } from '../../ui/format';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import {
  audienceList,
  filterLibrary,
  filtersFromParams,
  filtersToParams,
  isFiltering,
  isReviewDue,
  noLibraryFilters,
  topicChoices,
  warningChoices,
  withdrawnNotice,
  type Choice,
  type LibraryFilters,
  type ReviewFilter,
} from './library';
import { libraryIndexFor } from './library-search';
import { formatIsoDate, today as todayIn } from '@core/clock';
import { useClock } from '../clock';
import './library.css';

const pageSize = 50;

/** Where a resource page links back to: the list as it was left, search and filters included. */
export interface LibraryLinkState {
  listSearch: string;
}

export function LibraryList() {
  const db = useDb();
  const library = useLibrary();
  const withdrawn = useWithdrawnLibrary();
  const withdrawnWords = useMemo(
    () => withdrawnNotice((withdrawn ?? []).map((record) => record.approved.content.title)),
    [withdrawn],
  );
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  // Whether a review is due is read once when the page opens; dates do not change while reading it.
  const clock = useClock();
  const [today] = useState(() => todayIn(clock));
  const searchBox = useRef<HTMLInputElement>(null);
  const ids = useId();

  const index = libraryIndexFor(db);
  useEffect(() => {
    if (library !== undefined) void index.update(library);
  }, [index, library]);
  const indexState = useSyncExternalStore(index.subscribe, index.state);

  // Typing stays quick with a large library: the list catches up with the words a moment later.
  const query = useDeferredValue(filters.query.trim());
  const matches = useMemo(
    () => (query === '' ? null : { ids: index.search(query), complete: indexState.ready }),
    [index, query, indexState],
  );
  const visible = useMemo(
    () => (library === undefined ? [] : filterLibrary(library, filters, today, matches?.ids ?? null)),
    [library, filters, today, matches],
  );
  const topics = useMemo(() => topicChoices(library ?? []), [library]);
  const warnings = useMemo(() => warningChoices(library ?? []), [library]);

  const filterKey = params.toString();
  const [shown, setShown] = useState({ filterKey, count: pageSize });
  const shownCount = shown.filterKey === filterKey ? shown.count : pageSize;

  const setFilters = (next: LibraryFilters) => setParams(filtersToParams(next), { replace: true });
  const setFilter = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]) =>
    setFilters({ ...filters, [key]: value });
  const clearFilters = () => {
    setFilters(noLibraryFilters);
    // The button that was pressed goes away; the search box is where a new search starts.
    searchBox.current?.focus();
  };

  const filtering = isFiltering(filters);
  const linkState: LibraryLinkState = { listSearch: location.search };

  return (
    <Page title="Library" intro="Approved resources from the shared repository, ready to use offline.">
      {library === undefined && <p className="loading">Loading…</p>}
      {withdrawnWords !== null && (
        <p className="notice-inline" role="note" aria-label="Withdrawn resources">
          {withdrawnWords}
        </p>
      )}
      {library?.length === 0 && (
        <EmptyState title={withdrawnWords === null ? 'No approved resources yet' : 'No approved resources to use'}>
          <p>
            Approved resources appear here after this device syncs with the shared repository. Withdrawn resources are
            never shown.
          </p>
          <p>
            <Link to="/sync">Set up or check sync</Link>
          </p>
        </EmptyState>
      )}
      {library !== undefined && library.length > 0 && (
        <>
          <search className="filters library-filters" aria-label="Find resources">
            <div className="field field-wide">
              <label htmlFor={`${ids}-q`}>Search the library</label>
              <input
                ref={searchBox}
                id={`${ids}-q`}
                type="search"
                value={filters.query}
                onChange={(event) => setFilter('query', event.target.value)}
                placeholder="Title, summary, topic or any words in the text"
                autoComplete="off"
              />
            </div>
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
              options={topics.map((topic) => ({ value: topic.key, label: topic.label }))}
              onChange={(topic) => setFilter('topic', topic)}
            />
            <SelectField<ReviewFilter>
              id={`${ids}-review`}
              label="Review date"
              value={filters.review}
              options={[
                { value: 'all', label: 'Any review date' },
                { value: 'due', label: 'Review due' },
                { value: 'not-due', label: 'Not due for review' },
              ]}
              onChange={(review) => setFilter('review', review === '' ? 'all' : review)}
            />
            {warnings.length > 0 && (
              <WarningFilter
                choices={warnings}
                leaveOut={filters.leaveOut}
                leaveOutAll={filters.leaveOutAllWarnings}
                onChange={(leaveOut, leaveOutAllWarnings) => setFilters({ ...filters, leaveOut, leaveOutAllWarnings })}
              />
            )}
          </search>
          <div className="result-line">
            <p role="status" className="result-count">
              {resultCount(visible.length, filtering, matches?.complete ?? true)}
            </p>
            {filtering && visible.length > 0 && (
              <button type="button" className="link-button" onClick={clearFilters}>
                Clear search and filters
              </button>
            )}
          </div>
          {visible.length === 0 && matches?.complete === false && (
            <p className="loading">Preparing the search. The first search after opening Chorus takes a few seconds.</p>
          )}
          {visible.length === 0 && matches?.complete !== false && (
            <EmptyState title="No resources match">
              <p>
                Nothing in the library matches{' '}
                {filters.query.trim() === '' ? 'these filters' : 'this search and these filters'}. Try other words, or
                fewer filters.
              </p>
              <p>
                <button type="button" className="button button-secondary" onClick={clearFilters}>
                  Clear search and filters
                </button>
              </p>
            </EmptyState>
          )}
          {visible.length > 0 && (
            <ul className="resource-list" aria-label="Approved resources">
              {visible.slice(0, shownCount).map((record) => (
                <LibraryItem key={record.id} record={record} today={today} linkState={linkState} />
              ))}
            </ul>
          )}
          {visible.length > shownCount && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setShown({ filterKey, count: shownCount + pageSize })}
            >
              Show {Math.min(pageSize, visible.length - shownCount)} more
            </button>
          )}
        </>
      )}
    </Page>
  );
}

function resultCount(count: number, filtering: boolean, complete: boolean): string {
  const resources = plural(count, 'resource');
  if (!complete && count === 0) return 'Preparing the search…';
  if (!complete) return `${resources} found so far. Still preparing the search, so more may appear.`;
  return filtering ? `${resources} found` : resources;
}

/**
 * Content warnings to leave out. Folded away by default: the list of warnings can be long, and
 * most visits do not need it.
 */
function WarningFilter({
  choices,
  leaveOut,
  leaveOutAll,
  onChange,
}: {
  choices: readonly Choice[];
  leaveOut: readonly string[];
  leaveOutAll: boolean;
  onChange: (leaveOut: string[], leaveOutAll: boolean) => void;
}) {
  const chosen = leaveOutAll ? 1 : leaveOut.length;
  // Open at first when something is already left out; after that, open and closed as the user leaves it.
  const [startOpen] = useState(chosen > 0);
  const toggle = (key: string, checked: boolean) =>
    onChange(checked ? [...leaveOut, key] : leaveOut.filter((each) => each !== key), leaveOutAll);
  return (
    <details className="field-wide warning-filter" open={startOpen}>
      <summary>
        Content warnings to leave out
        {chosen > 0 ? ` (${leaveOutAll ? 'all' : plural(chosen, 'chosen', 'chosen')})` : ''}
      </summary>
      <fieldset className="plain-fieldset">
        <legend className="visually-hidden">Leave out resources with a warning about</legend>
        <p className="field-hint">Resources with a warning you tick are not listed.</p>
        <div className="warning-choices">
          <label className="checkbox warning-choice-all">
            <input
              type="checkbox"
              checked={leaveOutAll}
              onChange={(event) => onChange([...leaveOut], event.target.checked)}
            />
            Every resource with a content warning
          </label>
          {choices.map((choice) => (
            <label key={choice.key} className="checkbox">
              <input
                type="checkbox"
                checked={leaveOutAll || leaveOut.includes(choice.key)}
                disabled={leaveOutAll}
                onChange={(event) => toggle(choice.key, event.target.checked)}
              />
              {choice.label}
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  );
}

function LibraryItem({
  record,
  today,
  linkState,
}: {
  record: LibraryVersionRecord;
  today: string;
  linkState: LibraryLinkState;
}) {
  const { content, consent } = record.approved;
  const due = isReviewDue(content.reviewBy, today);
  return (
    <li className="library-item">
      <h2 className="resource-title">
        <Link to={`/library/${record.resourceId}`} state={linkState}>
          {content.title.trim() === '' ? 'Untitled' : content.title}
        </Link>
      </h2>
      {content.contentWarnings.length > 0 && (
        <p className="content-warning-line">
          <strong>Content warning:</strong> {content.contentWarnings.join('; ')}
        </p>
      )}
      <p className="library-attribution">{creditOf(record.approved)}</p>
      {content.summary.trim() !== '' && <p className="resource-summary">{content.summary}</p>}
      <dl className="library-details">
        {consent.choices.audiences.length > 0 && (
          <>
            <dt>For</dt>
            <dd>{audienceList(consent.choices.audiences)}</dd>
          </>
        )}
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
      </dl>
      <p className="resource-meta">
        <span>Version {content.version}</span>
        {content.reviewBy !== '' && <span>Review by {formatIsoDate(content.reviewBy)}</span>}
        {due && <span className="badge badge-due">Review due</span>}
      </p>
    </li>
  );
}
