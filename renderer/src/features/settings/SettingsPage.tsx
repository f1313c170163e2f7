import { Page } from '../../ui/Page';
import { AboutSection } from './AboutSection';

export function SettingsPage() {
  return (
    <Page title="Settings" intro="How Chorus works on this device.">
      <AboutSection />
    </Page>
  );
}
