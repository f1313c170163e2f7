import { Page } from '../../ui/Page';
import { AboutSection } from './AboutSection';
import { ProfilesSection } from './ProfilesSection';
import { SupportContactsSection } from './SupportContactsSection';

export function SettingsPage() {
  return (
    <Page title="Settings" intro="How Chorus works on this device.">
      <ProfilesSection />
      <SupportContactsSection />
      <AboutSection />
    </Page>
  );
}
