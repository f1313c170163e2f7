import { Link } from 'react-router';
import { statusLabels, useResourceList, type ResourceRecord, type ResourceStatus } from '../../db';
import { EmptyState } from '../../ui/EmptyState';
import { formatWhen } from '@core/clock';
import { Page } from '../../ui/Page';
import { useClock } from '../clock';
import './review.css';

const groups: { status: ResourceStatus; title: string }[] = [
  { status: 'in-review', title: 'In review' },
  { status: 'changes-requested', title: 'Changes asked for' },
  { status: 'draft', title: 'Drafts not yet sent for review' },
  { status: 'approved', title: 'Approved' },
  { status: 'withdrawn', title: 'Withdrawn' },
];

export function ReviewList() {
  const resources = useResourceList(0);
  return (
    <Page title="Review" intro="Go through a draft together, check it for identifying details, and sign it off.">
      {resources === undefined && <p className="loading">Loading…</p>}
      {resources?.length === 0 && (
        <EmptyState title="Nothing to review">
          <p>Write a draft first. When it is ready to look at together, open it here and send it for review.</p>
        </EmptyState>
      )}
      {resources !== undefined &&
        groups.map(({ status, title }) => {
          const inGroup = resources.filter((resource) => resource.status === status);
          if (inGroup.length === 0) return null;
          return (
            <section key={status} className="review-group" aria-labelledby={`group-${status}`}>
              <h2 id={`group-${status}`}>{title}</h2>
              <ul className="resource-list" aria-label={title}>
                {inGroup.map((resource) => (
                  <ReviewRow key={resource.id} resource={resource} />
                ))}
              </ul>
            </section>
          );
        })}
    </Page>
  );
}

function ReviewRow({ resource }: { resource: ResourceRecord }) {
  const clock = useClock();
  return (
    <li className="resource-row">
      <div className="resource-main">
        <h3 className="resource-title">
          <Link to={`/review/${resource.id}`}>{resource.title}</Link>
        </h3>
        <p className="resource-meta">
          <span className="badge">{statusLabels[resource.status]}</span>
          <span>Version {resource.version}</span>
          <span>Edited {formatWhen(resource.updatedAt, clock)}</span>
        </p>
      </div>
    </li>
  );
}
