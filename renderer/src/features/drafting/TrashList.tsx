import { useState } from 'react';
import { Link } from 'react-router';
import { emptyTrash, restoreFromTrash, useDb, useResourceList } from '../../db';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { formatWhen } from '@core/clock';
import { plural } from '../../ui/format';
import { Notice, type NoticeContent } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { useClock } from '../clock';
import { DamagedBadge } from './DamagedDetails';

export function TrashList() {
  const clock = useClock();
  const db = useDb();
  const trashed = useResourceList(1);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<NoticeContent | null>(null);

  const empty = async () => {
    const count = await emptyTrash(db);
    setNotice({ message: `Deleted ${plural(count, 'draft')} for good.` });
  };

  return (
    <Page title="Trash" intro="Drafts you moved to the Trash stay here until you empty it. You can restore them.">
      <div className="page-actions">
        <Link to="/drafts" className="button button-secondary">
          Back to drafts
        </Link>
        {trashed !== undefined && trashed.length > 0 && (
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            Empty Trash
          </button>
        )}
      </div>
      {trashed !== undefined && trashed.length === 0 && (
        <EmptyState title="The Trash is empty">
          <p>When you move a draft to the Trash it appears here, and you can bring it back.</p>
        </EmptyState>
      )}
      {trashed !== undefined && trashed.length > 0 && (
        <ul className="resource-list" aria-label="Drafts in the Trash">
          {trashed.map((resource) => (
            <li key={resource.id} className="resource-row">
              <div className="resource-main">
                <h2 className="resource-title">{resource.title}</h2>
                <p className="resource-meta">
                  <span>Moved to the Trash {formatWhen(resource.trashedAt, clock)}</span>
                  <span>{plural(resource.wordCount, 'word')}</span>
                </p>
                {resource.damaged !== undefined && (
                  <DamagedBadge id={`damaged-${resource.id}`} fields={resource.damaged} />
                )}
              </div>
              <div className="row-actions">
                <button
                  type="button"
                  className="button button-small button-secondary"
                  aria-label={`Restore ${resource.title}`}
                  onClick={() => {
                    void restoreFromTrash(db, resource.id);
                    setNotice({ message: `“${resource.title}” is back in your drafts.` });
                  }}
                >
                  Restore
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Empty the Trash?"
        confirmLabel="Delete for good"
        destructive
        onConfirm={() => void empty()}
      >
        <p>
          {trashed === undefined ? '' : plural(trashed.length, 'draft')} and all their saved versions will be deleted
          from this device. This cannot be undone.
        </p>
      </ConfirmDialog>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </Page>
  );
}
