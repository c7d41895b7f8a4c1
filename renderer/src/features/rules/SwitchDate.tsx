import { BodyShort, Button, Tag } from '@navikt/ds-react';
import { useState } from 'react';
import { rulesContract, type RuleVersionView } from '../../../../shared/contract/rules';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
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
  const form = useContractForm({
    method: 'rules.setSwitchDate',
    schema: rulesContract['rules.setSwitchDate'].input,
    defaultValues: { validFrom: v.validFrom, source: '' },
    toInput: (f: { validFrom: string | null; source: string }) => ({ versionId: v.id, validFrom: f.validFrom ?? '', source: f.source }),
    onSaved: (_, f) => {
      onSaved(`Startdatoen er endret til ${formatDate(f.validFrom ?? '')}. Nye forløp fra datoen får versjonen; åpne forløp beholder sin til du flytter dem.`);
      onClose();
    },
  });
  const { control } = form;
  return (
    <FormDialog
      form={form}
      open
      onClose={onClose}
      heading="Endre startdato for versjonen"
      label="Endre startdato for versjonen"
      submitLabel="Lagre"
      width="small"
    >
      <div style={{ display: 'grid', gap: 12 }}>
        <DateInput control={control} name="validFrom" label="Gjelder fra" />
        <TextInput control={control} name="source" label="Kilde for datoen" description="For eksempel kodeveilederens versjon eller et vedtak i klinikken." />
      </div>
    </FormDialog>
  );
}
