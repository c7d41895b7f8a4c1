import { Alert, BodyLong, Button, Checkbox } from '@navikt/ds-react';
import { useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { storeContract } from '../../../../shared/contract/store';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { useFocusFirstError } from '../../forms/focus';
import { TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useStoreStatus } from './StoreStatus';

interface Values {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  tls: boolean;
}

/**
 * Innstillinger → Lager: which store this session uses, and (desktop) the team store to use from the next start:
 * server, port, database and the person's own login; the password goes to the operating system's key store.
 */
export function StoreSettings() {
  const status = useStoreStatus();
  if (!status) return null;
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 520 }}>
      <BodyLong size="small" data-testid="store-in-use">
        I bruk nå: <strong>{status.kind === 'sqlite' ? 'Lokal fil' : `Teamlager på server ${status.server ?? ''}`}</strong>
        {status.kind === 'postgres' && status.login ? ` (innlogget som ${status.login})` : ''}
      </BodyLong>
      {status.configurable ? (
        <TeamStoreForm saved={status.saved} usingTeam={status.kind === 'postgres'} />
      ) : (
        <BodyLong size="small">
          I nettlesermodus velges lageret når Forløpsbenk startes: <code>--store postgres://bruker@server/database</code> eller miljøvariabelen
          FORLOPSBENK_STORE, passordet i PGPASSWORD.
        </BodyLong>
      )}
    </div>
  );
}

function TeamStoreForm({
  saved,
  usingTeam,
}: {
  saved: { host: string; port: number; database: string; user: string; tls: boolean; passwordSaved: boolean } | null;
  usingTeam: boolean;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const form = useContractForm({
    method: 'store.useTeam',
    schema: storeContract['store.useTeam'].input,
    defaultValues: saved
      ? { ...saved, port: String(saved.port), password: '' }
      : { host: '', port: '5432', database: 'forlopsbenk', user: '', password: '', tls: true },
    toInput: (v: Values) => ({ ...v, port: v.port.trim() === '' ? Number.NaN : Number(v.port) }),
    onSaved: () => setMessage('Lagret. Forløpsbenk bruker teamlageret neste gang programmet startes.'),
  });
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(ref, form);
  const { control } = form;
  const chooseLocal = async () => {
    const res = await call('store.useLocal', {});
    setMessage(res.ok ? 'Lagret. Forløpsbenk bruker den lokale filen neste gang programmet startes.' : res.error.message);
  };
  return (
    <form ref={ref} onSubmit={(e) => (setMessage(null), void form.onSubmit(e))} noValidate aria-label="Teamlager" style={{ display: 'grid', gap: 12 }}>
      <FormError message={form.formError} />
      <TextInput control={control} name="host" label="Server" description="Navnet på databaseserveren, slik IT har oppgitt det" autoComplete="off" />
      <TextInput control={control} name="port" label="Port" inputMode="numeric" htmlSize={8} autoComplete="off" />
      <TextInput control={control} name="database" label="Database" autoComplete="off" />
      <TextInput control={control} name="user" label="Brukernavn" description="Din egen pålogging til databasen" autoComplete="username" />
      <TextInput
        control={control}
        name="password"
        label="Passord"
        type="password"
        autoComplete="current-password"
        description={
          saved?.passwordSaved
            ? 'Et passord er lagret i operativsystemets nøkkellager. La feltet stå tomt for å beholde det.'
            : 'Lagres i operativsystemets nøkkellager, aldri i en vanlig fil.'
        }
      />
      <Controller
        control={control}
        name="tls"
        render={({ field, fieldState }) => (
          <div>
            <Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} ref={field.ref} error={!!fieldState.error} size="small">
              Kryptert forbindelse (TLS) med kontroll av serverens sertifikat
            </Checkbox>
            {fieldState.error && (
              <Alert variant="error" size="small" inline role="alert">
                {fieldState.error.message}
              </Alert>
            )}
          </div>
        )}
      />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button size="small" type="submit" loading={form.saving}>
          Bruk teamlageret
        </Button>
        {(usingTeam || saved) && (
          <Button size="small" type="button" variant="secondary" onClick={() => void chooseLocal()}>
            Bruk lokal fil
          </Button>
        )}
      </div>
      {message && (
        <Alert variant="info" size="small" inline role="status">
          {message}
        </Alert>
      )}
    </form>
  );
}
