import { useContractQuery } from '../../api/query';
import { MyProfileForm } from './MyProfileForm';
import { UnitProfileForm } from './UnitProfileForm';

/** Innstillinger › Min profil: the person's own name and direct phone (their login's own). */
export function MyProfileSettings() {
  const query = useContractQuery('profile.get', {});
  if (!query.data) return null;
  return <MyProfileForm initial={query.data.me} onSaved={() => undefined} submitLabel="Lagre min profil" />;
}

/** Innstillinger › Enheten: the unit's letterhead, shared by everyone in the unit. */
export function UnitSettings() {
  const query = useContractQuery('profile.get', {});
  if (!query.data) return null;
  return <UnitProfileForm initial={query.data.unit} editable={query.data.unitEditable} />;
}
