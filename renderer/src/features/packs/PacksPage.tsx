import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';

export function PacksPage() {
  return (
    <Page title="Training packs" intro="Bring approved resources together for a training session and export them.">
      <EmptyState title="No training packs yet">
        <p>A pack gathers resources from the library with your notes, content warnings and support contacts.</p>
      </EmptyState>
    </Page>
  );
}
