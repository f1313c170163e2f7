import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';

export function ReviewPage() {
  return (
    <Page title="Review" intro="Go through a draft together, check it for identifying details, and sign it off.">
      <EmptyState title="Nothing to review">
        <p>Drafts that are ready to look at together appear here. Only a version you both approve can be shared.</p>
      </EmptyState>
    </Page>
  );
}
