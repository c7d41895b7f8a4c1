import { Alert, Button, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { issuesByField } from '../../api/field-errors';

/** Choose (first start) or change the PIN that unlocks the window after idle time. */
export function SetPinForm({ onDone, change = false, submitLabel = 'Lagre PIN-kode' }: { onDone: () => void; change?: boolean; submitLabel?: string }) {
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (pin !== repeat) return setErrors({ repeat: 'PIN-kodene er ikke like. Skriv den samme koden to ganger.' });
    const res = await call('lock.setPin', change ? { pin, currentPin: current } : { pin });
    if (res.ok) {
      setErrors({});
      setCurrent('');
      setPin('');
      setRepeat('');
      setSaved(true);
      onDone();
      return;
    }
    setErrors(issuesByField(res.error, undefined, 'pin'));
  }

  const digits = (s: string) => s.replace(/\D/g, '').slice(0, 8);
  return (
    <form onSubmit={submit} noValidate aria-label={change ? 'Endre PIN-kode' : 'Velg PIN-kode'} style={{ display: 'grid', gap: 12, maxWidth: 320 }}>
      {change && (
        <TextField size="small" label="Nåværende PIN-kode" type="password" inputMode="numeric" autoComplete="off" value={current} onChange={(e) => setCurrent(digits(e.target.value))} error={errors.currentPin} />
      )}
      <TextField
        size="small"
        label={change ? 'Ny PIN-kode' : 'PIN-kode'}
        description="4–8 sifre. Brukes til å låse opp når vinduet har vært inaktivt."
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        onChange={(e) => setPin(digits(e.target.value))}
        error={errors.pin}
      />
      <TextField size="small" label={change ? 'Gjenta ny PIN-kode' : 'Gjenta PIN-kode'} type="password" inputMode="numeric" autoComplete="off" value={repeat} onChange={(e) => setRepeat(digits(e.target.value))} error={errors.repeat} />
      <div>
        <Button size="small" type="submit">
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
