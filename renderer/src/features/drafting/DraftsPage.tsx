import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';

export function DraftsPage() {
  return (
    <Page title="Drafts" intro="Your drafts are kept on this device only. Nobody else can see them.">
      <EmptyState title="No drafts yet">
        <p>
          This is where you write stories, guidance and what you wish professionals knew. Drafts never leave this device
          unless you and your facilitator approve a version together.
        </p>
      </EmptyState>
    </Page>
  );
}
