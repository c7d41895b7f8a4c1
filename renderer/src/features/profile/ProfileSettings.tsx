import { useContractQuery } from '../../api/query';
import { ProfileForm } from './ProfileForm';

export function ProfileSettings() {
  const query = useContractQuery('profile.get', {});
  if (query.isPending) return null;
  return <ProfileForm initial={query.data ?? null} onSaved={() => undefined} submitLabel="Lagre profil" />;
}
