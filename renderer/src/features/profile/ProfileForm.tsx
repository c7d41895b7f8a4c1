import { Alert, Button } from '@navikt/ds-react';
import { useRef, useState } from 'react';
import type { Control, Path } from 'react-hook-form';
import { profileContract, type Profile, type UnitProfile } from '../../../../shared/contract/profile';
import { FormError } from '../../components/FormError';
import { useFocusFirstError } from '../../forms/focus';
import { TextAreaInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

/** The first start of a store with no letterhead yet: the person's own name and the unit's name, phone and address together. */
export function ProfileForm({ onSaved, submitLabel }: { onSaved: (p: Profile) => void; submitLabel: string }) {
  const form = useContractForm({
    method: 'profile.save',
    schema: profileContract['profile.save'].input,
    defaultValues: { coordinatorName: '', unitName: '', unitPhone: '', unitAddress: '' },
    toInput: (f: Profile) => f,
    onSaved: (saved) => onSaved(saved),
  });
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(ref, form);
  const { control } = form;

  return (
    <form ref={ref} onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label="Profil" style={{ display: 'grid', gap: 12, maxWidth: 420 }}>
      <FormError message={form.formError} />
      <TextInput control={control} name="coordinatorName" label="Ditt navn" autoComplete={undefined} />
      <UnitFields control={control} />
      <div>
        <Button size="small" type="submit" loading={form.saving}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** The unit's fields, the same in the first start and in Innstillinger › Enheten. */
export function UnitFields<F extends UnitProfile>({ control, readOnly }: { control: Control<F>; readOnly?: boolean }) {
  const unitName = 'unitName' as Path<F>;
  const unitPhone = 'unitPhone' as Path<F>;
  const unitAddress = 'unitAddress' as Path<F>;
  return (
    <>
      <TextInput control={control} name={unitName} label="Enhet" description="Slik den skal stå i brevhodet" autoComplete={undefined} readOnly={readOnly} />
      <TextInput control={control} name={unitPhone} label="Telefon til enheten" autoComplete={undefined} readOnly={readOnly} />
      <TextAreaInput
        control={control}
        name={unitAddress}
        label="Postadresse til enheten"
        description="Står i brevhodet og som returadresse"
        minRows={2}
        readOnly={readOnly}
      />
    </>
  );
}

/** A saved-message under a form, cleared when the next save starts. */
export function useSavedMessage() {
  const [message, setMessage] = useState<string | null>(null);
  const node = message ? (
    <Alert variant="success" size="small" inline>
      {message}
    </Alert>
  ) : null;
  return { node, set: setMessage };
}
