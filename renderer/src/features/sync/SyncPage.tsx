import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';

export function SyncPage() {
  return (
    <Page title="Sync" intro="Approved versions and withdrawals are shared through a repository you choose.">
      <EmptyState title="No repository set up">
        <p>
          Chorus works fully offline. Only approved versions and withdrawals are ever sent, and only to a repository you
          set up here. Drafts, comments and notes stay on this device.
        </p>
      </EmptyState>
    </Page>
  );
}
