import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';

export function LibraryPage() {
  return (
    <Page title="Library" intro="Approved resources from the shared repository, ready to use offline.">
      <EmptyState title="The library is empty">
        <p>Approved resources appear here once this device has synced with a shared repository.</p>
      </EmptyState>
    </Page>
  );
}
