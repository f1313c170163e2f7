import { useId } from 'react';
import { Link } from 'react-router';
import { setActiveProfile, useActiveProfile, useDb, useProfiles } from '../db';
import './shell.css';

/** Who is using Chorus now; switching is one choice, for sessions that share a laptop. */
export function ProfileSwitcher() {
  const db = useDb();
  const profiles = useProfiles();
  const active = useActiveProfile();
  const id = useId();
  if (profiles === undefined || active === undefined) return null;
  if (profiles.length === 0) {
    return (
      <Link to="/settings" className="profile-setup">
        Set up who is using Chorus
      </Link>
    );
  }
  return (
    <div className="profile-switcher">
      <label htmlFor={id}>Using Chorus as</label>
      <select
        id={id}
        value={active?.id ?? ''}
        onChange={(event) => void setActiveProfile(db, event.target.value || null)}
      >
        {active === null && <option value="">Choose a profile</option>}
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.displayName} ({profile.role})
          </option>
        ))}
      </select>
    </div>
  );
}
