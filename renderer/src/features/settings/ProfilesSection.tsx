import { useId, useState, type SyntheticEvent } from 'react';
import { createProfile, setActiveProfile, useActiveProfile, useDb, useProfiles } from '../../db';
import { roleLabels } from '@core/co-production/roles';
import { roles, type Role } from '@core/co-production/workflow';
import './settings.css';

/**
 * The people who use Chorus on this device. A co-production session may share one laptop, so
 * switching is one choice in the top bar; every review action is recorded with the acting profile.
 */
export function ProfilesSection() {
  const db = useDb();
  const profiles = useProfiles();
  const active = useActiveProfile();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('consultee');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const add = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Write a name for the profile.');
      return;
    }
    setError(null);
    // Cleared before saving, so a name typed meanwhile for the next profile is not wiped.
    const chosen = name;
    setName('');
    const profileId = await createProfile(db, chosen, role);
    if (active === null) await setActiveProfile(db, profileId);
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>People using this device</h2>
      <p>Each person who reviews or signs off has a profile here. Profiles stay on this device.</p>
      {profiles !== undefined && profiles.length > 0 && (
        <ul className="profile-list" aria-label="Profiles">
          {profiles.map((profile) => (
            <li key={profile.id} className="profile-row">
              <span>
                <strong>{profile.displayName}</strong> · {roleLabels[profile.role]}
                {active?.id === profile.id && ' · using Chorus now'}
              </span>
              {active?.id !== profile.id && (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => void setActiveProfile(db, profile.id)}
                >
                  Switch to {profile.displayName}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="profile-form" onSubmit={(event) => void add(event)} noValidate>
        <h3>Add a profile</h3>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            aria-invalid={error !== null}
            aria-describedby={error === null ? undefined : `${id}-error`}
          />
          {error !== null && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <fieldset className="field checkbox-group">
          <legend>Role</legend>
          {roles.map((each) => (
            <label key={each} className="checkbox">
              <input
                type="radio"
                name={`${id}-role`}
                value={each}
                checked={role === each}
                onChange={() => setRole(each)}
              />
              {roleLabels[each]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Add profile
        </button>
      </form>
    </section>
  );
}
