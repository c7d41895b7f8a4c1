import { Alert, BodyLong, Switch } from '@navikt/ds-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';

/** Working days: whether Saturdays count (DOMAIN.md §5; default Monday–Friday minus public holidays). */
export function ClockSettings() {
  const saved = useContractQuery('rules.getCalendarSettings', {}).data?.countSaturdays;
  // The switch shows the choice at once, before the save has answered.
  const [chosen, setValue] = useState<boolean | null>(null);
  const value = chosen ?? saved ?? null;
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function change(countSaturdays: boolean) {
    setValue(countSaturdays);
    const res = await call('rules.saveCalendarSettings', { countSaturdays });
    if (res.ok) {
      setError(null);
      setMessage(`Lagret. Fristene i ${res.value.recomputed} forløp er regnet ut på nytt.`);
    } else {
      setValue(!countSaturdays);
      setError(res.error.message);
    }
  }
  if (value === null) return null;
  return (
    <div style={{ maxWidth: 640 }}>
      <BodyLong size="small" spacing>
        De lovpålagte fristene (vurdering innen 10 virkedager, frist for nødvendig helsehjelp) regnes i virkedager: mandag–fredag uten helligdager. Om lørdag
        skal regnes som virkedag, er uklart i regelverket; velg det enheten følger.
      </BodyLong>
      <Switch size="small" checked={value} onChange={(e) => void change(e.target.checked)}>
        Regn lørdag som virkedag
      </Switch>
      {message && (
        <Alert variant="success" size="small">
          {message}
        </Alert>
      )}
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
    </div>
  );
}
