import { Button } from '@navikt/ds-react';
import { useRef } from 'react';
import { profileContract, type MyProfile } from '../../../../shared/contract/profile';
import { FormError } from '../../components/FormError';
import { useFocusFirstError } from '../../forms/focus';
import { TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useSavedMessage } from './ProfileForm';

/**
 * The person's own part of the profile: their name (signs letters and agendas, prefills "Utført av", names them in
 * the log and the caseload) and an optional direct phone. Each login has its own; on the team store nobody else can
 * change it. Used at first start on a team store and in Innstillinger › Min profil.
 */
export function MyProfileForm({ initial, onSaved, submitLabel }: { initial: MyProfile | null; onSaved: (p: MyProfile) => void; submitLabel: string }) {
  const saved = useSavedMessage();
  const form = useContractForm({
    method: 'profile.saveMine',
    schema: profileContract['profile.saveMine'].input,
    defaultValues: initial ?? { name: '', phone: '' },
    toInput: (f: MyProfile) => f,
    onSaved: (p) => {
      saved.set('Lagret.');
      onSaved(p);
    },
  });
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(ref, form);
  const { control } = form;
  return (
    <form
      ref={ref}
      onSubmit={(e) => (saved.set(null), void form.onSubmit(e))}
      noValidate
      aria-label="Min profil"
      style={{ display: 'grid', gap: 12, maxWidth: 420 }}
    >
      <FormError message={form.formError} />
      <TextInput
        control={control}
        name="name"
        label="Ditt navn"
        description="Står på brev og dagsordener du skriver ut, og i loggen"
        autoComplete={undefined}
      />
      <TextInput
        control={control}
        name="phone"
        label="Direktenummer (valgfritt)"
        description="Tomt: enhetens telefonnummer står alene på brevene"
        autoComplete={undefined}
      />
      <div>
        <Button size="small" type="submit" loading={form.saving}>
          {submitLabel}
        </Button>
      </div>
      {saved.node}
    </form>
  );
}
