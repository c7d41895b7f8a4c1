import { Alert, Button } from '@navikt/ds-react';
import { useRef, useState } from 'react';
import { profileContract, type Profile } from '../../../../shared/contract/profile';
import { FormError } from '../../components/FormError';
import { useFocusFirstError } from '../../forms/focus';
import { TextAreaInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

/** The coordinator's name, unit and phone: shown on every printout. Used at first run and in settings. */
export function ProfileForm({ initial, onSaved, submitLabel }: { initial: Profile | null; onSaved: (p: Profile) => void; submitLabel: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const form = useContractForm({
    method: 'profile.save',
    schema: profileContract['profile.save'].input,
    defaultValues: initial ?? { coordinatorName: '', unitName: '', unitPhone: '', unitAddress: '' },
    toInput: (f: Profile) => f,
    onSaved: (saved) => {
      setMessage('Lagret.');
      onSaved(saved);
    },
  });
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(ref, form);
  const { control } = form;

  return (
    <form
      ref={ref}
      onSubmit={(e) => (setMessage(null), void form.onSubmit(e))}
      noValidate
      aria-label="Profil"
      style={{ display: 'grid', gap: 12, maxWidth: 420 }}
    >
      <FormError message={form.formError} />
      <TextInput control={control} name="coordinatorName" label="Ditt navn" autoComplete={undefined} />
      <TextInput control={control} name="unitName" label="Enhet" description="Slik den skal stå i brevhodet" autoComplete={undefined} />
      <TextInput control={control} name="unitPhone" label="Telefon til enheten" autoComplete={undefined} />
      <TextAreaInput control={control} name="unitAddress" label="Postadresse til enheten" description="Står i brevhodet og som returadresse" minRows={2} />
      <div>
        <Button size="small" type="submit" loading={form.saving}>
          {submitLabel}
        </Button>
      </div>
      {message && (
        <Alert variant="success" size="small" inline>
          {message}
        </Alert>
      )}
    </form>
  );
}
