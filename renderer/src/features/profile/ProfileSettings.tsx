import { useEffect, useState } from 'react';
import type { Profile } from '../../../../shared/contract/profile';
import { call } from '../../api/client';
import { ProfileForm } from './ProfileForm';

export function ProfileSettings() {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  useEffect(() => {
    void call('profile.get', {}).then((res) => setProfile(res.ok ? res.value : null));
  }, []);
  return profile === undefined ? null : <ProfileForm initial={profile} onSaved={setProfile} submitLabel="Lagre profil" />;
}
