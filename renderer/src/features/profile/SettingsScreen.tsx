import { Heading } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import type { Profile } from '../../../../shared/contract/profile';
import { call } from '../../api/client';
import { ProfileForm } from './ProfileForm';

export function SettingsScreen() {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  useEffect(() => {
    void call('profile.get', {}).then((res) => setProfile(res.ok ? res.value : null));
  }, []);
  return (
    <section aria-labelledby="settings-title">
      <Heading level="1" size="medium" id="settings-title" spacing>
        Innstillinger
      </Heading>
      <Heading level="2" size="small" spacing>
        Profil
      </Heading>
      {profile !== undefined && <ProfileForm initial={profile} onSaved={setProfile} submitLabel="Lagre profil" />}
    </section>
  );
}
