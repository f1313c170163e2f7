import { Page } from '../../ui/Page';
import { AboutSection } from './AboutSection';
import { ProfilesSection } from './ProfilesSection';

export function SettingsPage() {
  return (
    <Page title="Settings" intro="How Chorus works on this device.">
      <ProfilesSection />
      <AboutSection />
    </Page>
  );
}
