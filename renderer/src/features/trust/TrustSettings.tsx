import { Alert, BodyLong, BodyShort, Button, Heading, Modal, ProgressBar, Select } from '@navikt/ds-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { BackupInfo } from '../../../../shared/contract/backups';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { formatDateTime } from '../../../../shared/domain/time';
import { AuditLogTable, type Period } from './AuditLogTable';
import { ImportedAuditLog } from './ImportedAuditLog';
import { SetPinForm } from './SetPinForm';
import './trust.css';
import { useSecuritySettings } from './use-security-settings';

/** Innstillinger › Logg og sikkerhet: check the chain, and the whole caseload's log by period. */
export function AuditSettings() {
  const [result, setResult] = useState<Output<'audit.verify'> | null>(null);
  const [running, setRunning] = useState(false);
  const [period, setPeriod] = useState<Period>({ from: null, to: null });
  async function verify(full: boolean) {
    setRunning(true);
    const res = await call('audit.verify', { full });
    setRunning(false);
    if (res.ok) setResult(res.value);
  }
  return (
    <div>
      <BodyLong size="small" spacing>
        Loggen viser hvem som har gjort hva, og når — aldri selve opplysningene. Hver hendelse er låst til den forrige med en kontrollsum, så en endret eller
        slettet hendelse blir oppdaget.
      </BodyLong>
      <div className="trust-row">
        <Button size="small" variant="secondary" onClick={() => void verify(false)} loading={running}>
          Kontroller loggen
        </Button>
        <Button size="small" variant="tertiary" onClick={() => void verify(true)} disabled={running}>
          Full kontroll fra første hendelse
        </Button>
      </div>
      {result &&
        (result.ok ? (
          <Alert variant="success" size="small" role="status" style={{ marginBottom: 12 }}>
            {result.full
              ? `Loggen er hel: ${result.total} hendelser kontrollert fra første hendelse, ingen endringer funnet.`
              : `Loggen er hel: ${result.total} hendelser, de ${result.checked} nyeste kontrollert nå (de eldre ved en tidligere kontroll). Ingen endringer funnet.`}
          </Alert>
        ) : (
          <Alert variant="error" size="small" role="alert" style={{ marginBottom: 12 }}>
            {result.message} Ta kontakt med personvernombudet.
          </Alert>
        ))}
      <Heading level="3" size="xsmall" spacing>
        Logg for hele arbeidslisten
      </Heading>
      <AuditLogTable period={period} onPeriod={setPeriod} />
      <ImportedAuditLog />
    </div>
  );
}

const REASONS: Record<string, string> = { daily: 'Daglig', manual: 'Tatt for hånd', 'before-migration': 'Før oppgradering' };
const size = (bytes: number) => (bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} MB`);
const PHASES: Record<string, string> = {
  checking: 'Kontrollerer sikkerhetskopien …',
  aside: 'Tar vare på dagens database …',
  copying: 'Kopierer sikkerhetskopien …',
  migrating: 'Oppgraderer og kontrollerer …',
  swapping: 'Bytter database …',
  done: 'Ferdig.',
};

/** Innstillinger › Sikkerhetskopier: take one now, how many to keep, restore a chosen one. */
export function BackupSettings() {
  const store = useContractQuery('store.status', {}).data?.kind;
  if (store === 'postgres') {
    return (
      <BodyLong size="small" data-testid="team-backups">
        Teamlageret sikkerhetskopieres på databaseserveren, og det er IT som tar og tester kopiene (pg_dump eller base backups). Forløpsbenk tar ingen lokale
        kopier av teamlageret, og gjenoppretting gjøres av IT på serveren.
      </BodyLong>
    );
  }
  return <LocalBackupSettings />;
}

function LocalBackupSettings() {
  const { settings, save } = useSecuritySettings();
  const status: Output<'backups.status'> | null = useContractQuery('backups.status', {}).data ?? null;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [chosen, setChosen] = useState<BackupInfo | null>(null);

  async function backupNow() {
    setBusy(true);
    const res = await call('backups.create', {});
    setBusy(false);
    setMessage(
      res.ok ? { ok: true, text: `Sikkerhetskopi tatt og kontrollert ${formatDateTime(res.value.takenAt)}.` } : { ok: false, text: res.error.message },
    );
  }

  return (
    <div>
      <BodyLong size="small" spacing>
        Forløpsbenk tar en kontrollert kopi av databasen hver dag ved oppstart og før hver oppgradering. Kopiene ligger i en egen mappe for sikkerhetskopier ved
        siden av databasen (mappenavnet er «backups»).
      </BodyLong>
      <div className="trust-row">
        <Button size="small" onClick={backupNow} loading={busy}>
          Ta sikkerhetskopi nå
        </Button>
        {settings && (
          <Select
            size="small"
            label="Antall kopier som beholdes"
            value={String(settings.backupKeep)}
            onChange={async (e) => {
              const res = await save({ backupKeep: Number(e.target.value) });
              if (res && !res.ok) setMessage({ ok: false, text: res.error.message });
            }}
            style={{ width: 120 }}
          >
            {[3, 5, 7, 10, 14, 30, 60].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        )}
      </div>
      {message && (
        <Alert variant={message.ok ? 'success' : 'error'} size="small" style={{ marginBottom: 12 }}>
          {message.text}
        </Alert>
      )}
      {status && status.backups.length === 0 && <BodyShort size="small">Ingen sikkerhetskopier ennå.</BodyShort>}
      {status && status.backups.length > 0 && (
        <table className="audit-table" aria-label="Sikkerhetskopier">
          <thead>
            <tr>
              <th scope="col">Tatt</th>
              <th scope="col">Hvorfor</th>
              <th scope="col">Størrelse</th>
              <th scope="col">Kontrollert</th>
              <th scope="col">
                <span className="aksel-sr-only">Handling</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {status.backups.map((b) => (
              <tr key={b.fileName}>
                <td className="mono">{formatDateTime(b.takenAt)}</td>
                <td>{REASONS[b.reason] ?? b.reason}</td>
                <td>{size(b.sizeBytes)}</td>
                <td>Ja</td>
                <td>
                  <Button size="xsmall" variant="tertiary" onClick={() => setChosen(b)}>
                    Gjenopprett …
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && <RestoreDialog backup={chosen} onClose={() => setChosen(null)} />}
    </div>
  );
}

function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const [state, setState] = useState<'confirm' | 'running' | 'done' | 'failed'>('confirm');
  const [progress, setProgress] = useState<Output<'backups.restoreProgress'>>(null);
  const [message, setMessage] = useState('');

  async function restore() {
    setState('running');
    let polling = true;
    const poll = async () => {
      while (polling) {
        const res = await call('backups.restoreProgress', {});
        if (res.ok && res.value) setProgress(res.value);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    void poll();
    const res = await call('backups.restore', { fileName: backup.fileName });
    polling = false;
    if (res.ok) {
      setProgress({ phase: 'done', percent: 100 });
      setMessage(`Dagens database er lagt til side i mappen «${res.value.asideFile.split('/')[0]}».`);
      setState('done');
    } else {
      setMessage(res.error.message);
      setState('failed');
    }
  }

  const closeAndReload = () => (state === 'done' ? window.location.reload() : onClose());
  return (
    <Modal open onClose={state === 'running' ? () => {} : closeAndReload} header={{ heading: 'Gjenopprett sikkerhetskopi' }} width={560}>
      <Modal.Body>
        {state === 'confirm' && (
          <>
            <BodyLong spacing>
              Databasen settes tilbake til slik den var <strong>{formatDateTime(backup.takenAt)}</strong>. Alt som er registrert etter det, forsvinner fra
              arbeidslisten.
            </BodyLong>
            <BodyLong spacing>Dagens database tas vare på i en egen mappe før noe endres, så ingenting slettes.</BodyLong>
          </>
        )}
        {(state === 'running' || state === 'done') && (
          <div role="status" aria-live="polite">
            <BodyShort spacing>{PHASES[progress?.phase ?? 'checking']}</BodyShort>
            <ProgressBar value={progress?.percent ?? 0} valueMax={100} size="small" aria-label="Fremdrift for gjenoppretting" />
            {state === 'done' && (
              <Alert variant="success" size="small" style={{ marginTop: 12 }}>
                Gjenopprettet. {message}
              </Alert>
            )}
          </div>
        )}
        {state === 'failed' && (
          <Alert variant="error" size="small">
            {message} Ingenting ble endret.
          </Alert>
        )}
      </Modal.Body>
      <Modal.Footer>
        {state === 'confirm' && (
          <>
            <Button size="small" variant="danger" onClick={restore}>
              Gjenopprett
            </Button>
            <Button size="small" variant="secondary" onClick={onClose}>
              Avbryt
            </Button>
          </>
        )}
        {(state === 'done' || state === 'failed') && (
          <Button size="small" onClick={closeAndReload}>
            {state === 'done' ? 'Lukk og last inn på nytt' : 'Lukk'}
          </Button>
        )}
      </Modal.Footer>
    </Modal>
  );
}

const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60];

/** Innstillinger › Automatisk låsing: idle time and the PIN. */
export function LockSettings() {
  const { settings, save } = useSecuritySettings();
  const [saved, setSaved] = useState(false);
  if (!settings) return null;
  const minutes = settings.idleSeconds / 60;
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div className="trust-row">
        <Select
          size="small"
          label="Lås vinduet etter"
          description="Uten mus eller tastatur i så lang tid skjules alle pasientopplysninger til PIN-koden er skrevet inn."
          value={IDLE_CHOICES.includes(minutes) ? String(minutes) : 'custom'}
          onChange={async (e) => {
            setSaved(false);
            const res = await save({ idleSeconds: Number(e.target.value) * 60 });
            if (res?.ok) setSaved(true);
          }}
          style={{ width: 200 }}
        >
          {!IDLE_CHOICES.includes(minutes) && <option value="custom">{settings.idleSeconds} sekunder</option>}
          {IDLE_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 1 ? '1 minutt' : `${m} minutter`}
            </option>
          ))}
        </Select>
        {saved && (
          <Alert variant="success" size="small" inline>
            Lagret.
          </Alert>
        )}
      </div>
      <div>
        <Heading level="3" size="xsmall" spacing>
          Endre PIN-kode
        </Heading>
        <SetPinForm change submitLabel="Endre PIN-kode" onDone={() => {}} />
      </div>
    </div>
  );
}
