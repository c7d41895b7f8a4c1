import { BodyShort, Button } from '@navikt/ds-react';
import { useRef } from 'react';
import { profileContract, type UnitProfile } from '../../../../shared/contract/profile';
import { FormError } from '../../components/FormError';
import { useFocusFirstError } from '../../forms/focus';
import { useContractForm } from '../../forms/useContractForm';
import { UnitFields, useSavedMessage } from './ProfileForm';

/**
 * The unit's part of the profile: the letterhead everyone in the unit prints under. On the team store IT sets it
 * up with the database and people's logins cannot change it: then the fields are shown read-only.
 */
export function UnitProfileForm({ initial, editable }: { initial: UnitProfile | null; editable: boolean }) {
  const saved = useSavedMessage();
  const form = useContractForm({
    method: 'profile.saveUnit',
    schema: profileContract['profile.saveUnit'].input,
    defaultValues: initial ?? { unitName: '', unitPhone: '', unitAddress: '' },
    toInput: (f: UnitProfile) => f,
    onSaved: () => saved.set('Lagret.'),
  });
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(ref, form);
  return (
    <form
      ref={ref}
      onSubmit={(e) => (saved.set(null), void form.onSubmit(e))}
      noValidate
      aria-label="Enheten"
      style={{ display: 'grid', gap: 12, maxWidth: 420 }}
    >
      {!editable && (
        <BodyShort size="small" className="muted">
          {initial
            ? 'Enhetens navn, telefon og adresse er felles for alle i enheten og settes opp av IT på teamlageret.'
            : 'Enhetens brevhode er ikke satt opp ennå. Det gjør IT på teamlageret.'}
        </BodyShort>
      )}
      <FormError message={form.formError} />
      <UnitFields control={form.control} readOnly={!editable} />
      {editable && (
        <div>
          <Button size="small" type="submit" loading={form.saving}>
            Lagre enheten
          </Button>
        </div>
      )}
      {saved.node}
    </form>
  );
}
