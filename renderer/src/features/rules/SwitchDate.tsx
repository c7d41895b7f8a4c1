import { BodyShort, Button, Modal, Tag, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import type { RuleVersionView } from '../../../../shared/contract/rules';
import { call } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { formatDate } from '../../../../shared/domain/time';

/**
 * A national version's start date when it is not confirmed in a source (issue #13: the 2024-01-01 switch of
 * the start rule): shown as such, with its note, and editable with the unit's own source.
 */
export function SwitchDate({ v, onSaved }: { v: RuleVersionView; onSaved: (message: string) => void }) {
  const [editing, setEditing] = useState(false);
  if (v.origin !== 'national' || v.validFromConfidence === 'confirmed') return null;
  return (
    <BodyShort size="small" spacing>
      <Tag size="xsmall" variant={v.validFromConfidence === 'local' ? 'info' : 'warning'}>
        {v.validFromConfidence === 'local' ? 'Startdato satt lokalt' : 'Startdato ikke bekreftet'}
      </Tag>{' '}
      Gjelder fra {formatDate(v.validFrom)}. {v.validFromNote}{' '}
      <Button size="xsmall" variant="tertiary" onClick={() => setEditing(true)}>
        Endre startdato
      </Button>
      {editing && <SwitchDateDialog v={v} onClose={() => setEditing(false)} onSaved={onSaved} />}
    </BodyShort>
  );
}

function SwitchDateDialog({ v, onClose, onSaved }: { v: RuleVersionView; onClose: () => void; onSaved: (message: string) => void }) {
  const [validFrom, setValidFrom] = useState<string | null>(v.validFrom);
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('rules.setSwitchDate', { versionId: v.id, validFrom: validFrom ?? '', source });
    if (res.ok) {
      onSaved(`Startdatoen er endret til ${formatDate(validFrom ?? '')}. Nye forløp fra datoen får versjonen; åpne forløp beholder sin til du flytter dem.`);
      onClose();
      return;
    }
    const byField: Record<string, string> = {};
    for (const issue of res.error.issues ?? []) byField[issue.path] ??= issue.message;
    setErrors(byField);
    setFormError(Object.keys(byField).length > 0 ? null : res.error.message);
  }

  return (
    <Modal open onClose={onClose} header={{ heading: 'Endre startdato for versjonen' }} width="small">
      <form onSubmit={submit} noValidate>
        <Modal.Body>
          <div style={{ display: 'grid', gap: 12 }}>
            <FormError message={formError} />
            <DateField label="Gjelder fra" value={validFrom} onChange={setValidFrom} error={errors.validFrom} />
            <TextField size="small" label="Kilde for datoen" value={source} onChange={(e) => setSource(e.target.value)} error={errors.source} description="For eksempel kodeveilederens versjon eller et vedtak i klinikken." />
          </div>
        </Modal.Body>
        <Modal.Footer>
          <Button size="small" type="submit">
            Lagre
          </Button>
          <Button size="small" type="button" variant="secondary" onClick={onClose}>
            Avbryt
          </Button>
        </Modal.Footer>
      </form>
    </Modal>
  );
}
