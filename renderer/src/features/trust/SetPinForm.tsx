import { Alert, Button, TextField } from '@navikt/ds-react';
import { useState } from 'react';
import { useController, type Control } from 'react-hook-form';
import { lockContract } from '../../../../shared/contract/lock';
import { FormError } from '../../components/FormError';
import { useContractForm } from '../../forms/useContractForm';

interface Form {
  currentPin: string;
  pin: string;
  repeat: string;
}
const EMPTY: Form = { currentPin: '', pin: '', repeat: '' };

/** A PIN field: digits only (at most 8), never shown. */
function PinInput({ control, name, label, description }: { control: Control<Form>; name: keyof Form; label: string; description?: string }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      size="small"
      label={label}
      description={description}
      type="password"
      inputMode="numeric"
      autoComplete="off"
      {...field}
      onChange={(e) => field.onChange(e.target.value.replace(/\D/g, '').slice(0, 8))}
      error={fieldState.error?.message}
    />
  );
}

/** Choose (first start) or change the PIN that unlocks the window after idle time. */
export function SetPinForm({ onDone, change = false, submitLabel = 'Lagre PIN-kode' }: { onDone: () => void; change?: boolean; submitLabel?: string }) {
  const [saved, setSaved] = useState(false);
  const form = useContractForm({
    method: 'lock.setPin',
    schema: lockContract['lock.setPin'].input,
    defaultValues: EMPTY,
    toInput: (f: Form) => (change ? { pin: f.pin, currentPin: f.currentPin } : { pin: f.pin }),
    check: (f): Record<string, string> => (f.pin !== f.repeat ? { repeat: 'PIN-kodene er ikke like. Skriv den samme koden to ganger.' } : {}),
    onSaved: () => {
      form.reset(EMPTY);
      setSaved(true);
      onDone();
    },
  });
  const { control } = form;
  return (
    <form
      onSubmit={(e) => (setSaved(false), void form.onSubmit(e))}
      noValidate
      aria-label={change ? 'Endre PIN-kode' : 'Velg PIN-kode'}
      style={{ display: 'grid', gap: 12, maxWidth: 320 }}
    >
      <FormError message={form.formError} />
      {change && <PinInput control={control} name="currentPin" label="Nåværende PIN-kode" />}
      <PinInput
        control={control}
        name="pin"
        label={change ? 'Ny PIN-kode' : 'PIN-kode'}
        description="4–8 sifre. Brukes til å låse opp når vinduet har vært inaktivt."
      />
      <PinInput control={control} name="repeat" label={change ? 'Gjenta ny PIN-kode' : 'Gjenta PIN-kode'} />
      <div>
        <Button size="small" type="submit" loading={form.saving}>
          {submitLabel}
        </Button>
      </div>
      {saved && change && (
        <Alert variant="success" size="small" inline>
          PIN-koden er endret.
        </Alert>
      )}
    </form>
  );
}
