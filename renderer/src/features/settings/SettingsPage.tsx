import { Page } from '../../ui/Page';
import { AboutSection } from './AboutSection';
import { LockSection } from './LockSection';
import { ProfilesSection } from './ProfilesSection';
import { QuickExitSection } from './QuickExitSection';
import { SupportContactsSection } from './SupportContactsSection';
import { YourDataSection } from './YourDataSection';

export function SettingsPage() {
  return (
    <Page title="Settings" intro="How Chorus works on this device.">
      <ProfilesSection />
      <LockSection />
      <QuickExitSection />
      <YourDataSection />
      <SupportContactsSection />
      <AboutSection />
    </Page>
  );
}
