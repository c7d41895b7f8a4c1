import { Alert, Button, Textarea, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import type { Profile } from '../../../../shared/contract/profile';
import { call } from '../../api/client';

/** The coordinator's name, unit and phone: shown on every printout. Used at first run and in settings. */
export function ProfileForm({ initial, onSaved, submitLabel }: { initial: Profile | null; onSaved: (p: Profile) => void; submitLabel: string }) {
  const [form, setForm] = useState<Profile>(initial ?? { coordinatorName: '', unitName: '', unitPhone: '', unitAddress: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('profile.save', form);
    if (res.ok) {
      setErrors({});
      setMessage('Lagret.');
      onSaved(res.value);
      return;
    }
    const byField: Record<string, string> = {};
    for (const i of res.error.issues ?? []) byField[i.path] ??= i.message;
    setErrors(byField);
    setMessage(null);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Profil" style={{ display: 'grid', gap: 12, maxWidth: 420 }}>
      <TextField size="small" label="Ditt navn" value={form.coordinatorName} onChange={(e) => setForm({ ...form, coordinatorName: e.target.value })} error={errors.coordinatorName} />
      <TextField size="small" label="Enhet" description="Slik den skal stå i brevhodet" value={form.unitName} onChange={(e) => setForm({ ...form, unitName: e.target.value })} error={errors.unitName} />
      <TextField size="small" label="Telefon til enheten" value={form.unitPhone} onChange={(e) => setForm({ ...form, unitPhone: e.target.value })} error={errors.unitPhone} />
      <Textarea size="small" label="Postadresse til enheten" description="Står i brevhodet og som returadresse" minRows={2} value={form.unitAddress} onChange={(e) => setForm({ ...form, unitAddress: e.target.value })} error={errors.unitAddress} />
      <div>
        <Button size="small" type="submit">
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
