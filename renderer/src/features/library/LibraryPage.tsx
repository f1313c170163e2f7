import { useState } from 'react';
import { Link } from 'react-router';
import { useLibrary, type LibraryVersionRecord } from '../../db';
import { purposeLabels } from '../../domain/consent';
import { EmptyState } from '../../ui/EmptyState';
import { plural } from '../../ui/format';
import { Page } from '../../ui/Page';
import { audienceList, formatIsoDate, isReviewDue } from './library';

export function LibraryPage() {
  const library = useLibrary();
  // Whether a review is due is read once when the page opens; dates do not change while reading it.
  const [now] = useState(() => Date.now());
  return (
    <Page title="Library" intro="Approved resources from the shared repository, ready to use offline.">
      {library === undefined && <p className="loading">Loading…</p>}
      {library?.length === 0 && (
        <EmptyState title="No approved resources yet">
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
          <p className="result-count">{plural(library.length, 'resource')}</p>
          <ul className="resource-list" aria-label="Approved resources">
            {library.map((record) => (
              <LibraryItem key={record.id} record={record} now={now} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function LibraryItem({ record, now }: { record: LibraryVersionRecord; now: number }) {
  const { content, consent, attribution } = record.approved;
  const due = isReviewDue(content.reviewBy, now);
  return (
    <li className="library-item">
      <h2 className="resource-title">{content.title.trim() === '' ? 'Untitled' : content.title}</h2>
      {content.contentWarnings.length > 0 && (
        <p className="content-warning-line">
          <strong>Content warning:</strong> {content.contentWarnings.join('; ')}
        </p>
      )}
      <p className="library-attribution">{attribution}</p>
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
