import { Alert, BodyLong, BodyShort, Button, Modal, Select } from '@navikt/ds-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { formatDate } from '../../../../shared/domain/time';
import './trust.css';
import { useSecuritySettings } from './use-security-settings';

const RETENTION_CHOICES = [6, 12, 24, 36, 60, 120];

/** Innstillinger › Oppbevaring og sletting: delete patients who left the worklist long ago. */
export function RetentionSettings() {
  const { settings, save } = useSecuritySettings();
  const [preview, setPreview] = useState<Output<'retention.preview'> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!settings) return null;
  const months = settings.retentionMonths;

  async function find() {
    setMessage(null);
    const res = await call('retention.preview', { months });
    if (res.ok) setPreview(res.value);
  }
  async function remove() {
    if (!preview) return;
    const res = await call('retention.delete', { months, patientIds: preview.patients.map((p) => p.patientId) });
    setConfirming(false);
    setPreview(null);
    setMessage(
      res.ok
        ? { ok: true, text: `${res.value.deleted} ${res.value.deleted === 1 ? 'pasient' : 'pasienter'} slettet. Slettingen er ført i loggen.` }
        : { ok: false, text: res.error.message },
    );
  }

  return (
    <div>
      <BodyLong size="small" spacing>
        Forløpsbenk skal bare ha opplysninger som trengs for koordineringen. Pasienter der alle forløp er overført til egen behandler eller avsluttet, kan
        slettes når de har vært ute av arbeidslisten lenger enn oppbevaringstiden.
      </BodyLong>
      <div className="trust-row">
        <Select
          size="small"
          label="Oppbevaringstid etter at pasienten gikk ut av arbeidslisten"
          value={String(months)}
          onChange={async (e) => {
            setPreview(null);
            await save({ retentionMonths: Number(e.target.value) });
          }}
          style={{ width: 200 }}
        >
          {RETENTION_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m} måneder
            </option>
          ))}
        </Select>
      </div>
      <div className="trust-row">
        <Button size="small" variant="secondary" onClick={find}>
          Finn pasienter som kan slettes
        </Button>
      </div>
      {message && (
        <Alert variant={message.ok ? 'success' : 'error'} size="small" style={{ marginBottom: 12 }}>
          {message.text}
        </Alert>
      )}
      {preview && preview.patients.length === 0 && <BodyShort size="small">Ingen pasienter har vært ute av arbeidslisten så lenge.</BodyShort>}
      {preview && preview.patients.length > 0 && (
        <div>
          <BodyShort size="small" spacing>
            {preview.patients.length} {preview.patients.length === 1 ? 'pasient' : 'pasienter'} gikk ut av arbeidslisten før {formatDate(preview.cutoff)}.
          </BodyShort>
          <Button size="small" variant="danger" onClick={() => setConfirming(true)}>
            Slett {preview.patients.length} {preview.patients.length === 1 ? 'pasient' : 'pasienter'} …
          </Button>
        </div>
      )}
      {confirming && preview && (
        <Modal open onClose={() => setConfirming(false)} header={{ heading: 'Slette pasienter for godt?' }} width={560}>
          <Modal.Body>
            <BodyLong spacing>Disse pasientene og alt Forløpsbenk har om dem (forløp, timer, møter, planer) slettes. Det kan ikke angres.</BodyLong>
            <ul className="trust-list" aria-label="Pasienter som slettes">
              {preview.patients.map((p) => (
                <li key={p.patientId}>
                  {p.name} — ute siden {formatDate(p.leftAt)}, {p.pathways} {p.pathways === 1 ? 'forløp' : 'forløp'} (id {p.patientId})
                </li>
              ))}
            </ul>
            <BodyShort size="small">Loggen beholder at pasient-id-ene ble slettet, av hvem og når — ikke navnene.</BodyShort>
          </Modal.Body>
          <Modal.Footer>
            <Button size="small" variant="danger" onClick={remove}>
              Slett for godt
            </Button>
            <Button size="small" variant="secondary" onClick={() => setConfirming(false)}>
              Avbryt
            </Button>
          </Modal.Footer>
        </Modal>
      )}
    </div>
  );
}
