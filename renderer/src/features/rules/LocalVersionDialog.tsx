import { Alert, BodyShort, Checkbox, Select, Table, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { eventLabel, type EventType } from '../../../../shared/domain/rule-pack';
import { call } from '../../api/client';
import { DateField } from '../../components/DateField';
import { formMessage, issuesByField } from '../../api/field-errors';
import { FormModal } from '../../components/FormDialog';
import { formatDate } from '../../../../shared/domain/time';

type RulePathway = Output<'rules.list'>['pathways'][number];
type Setting = 'outpatient' | 'inpatient';

interface Row {
  setting: Setting;
  fromEvent: EventType;
  toEvent: EventType;
  variant: 'severe' | 'less_severe' | null;
  days: string;
  unit: 'calendar' | 'working';
  include: boolean;
}

const PAIRS: [EventType, EventType][] = [
  ['start', 'first_attendance'],
  ['first_attendance', 'clinical_decision'],
  ['clinical_decision', 'evaluation'],
  ['evaluation', 'evaluation'],
];
const SETTING = { outpatient: 'Poliklinikk', inpatient: 'Døgn' } as const;

/**
 * A unit's own version of one pathway's times: values, the date it applies from, and the local source.
 * Prefilled with the version in force, plus the cells the national rules leave empty.
 */
export function LocalVersionDialog({ pathway, today, onClose, onSaved }: { pathway: RulePathway; today: string; onClose: () => void; onSaved: (label: string) => void }) {
  const base = pathway.versions.find((v) => v.inForceToday) ?? null;
  const initial: Row[] = [];
  for (const setting of ['outpatient', 'inpatient'] as const) {
    for (const [fromEvent, toEvent] of pathway.pathwayType === 'tsb' ? [...PAIRS, ['detox_end', 'follow_on_treatment'] as [EventType, EventType]] : PAIRS) {
      const existing = base?.times.filter((t) => t.setting === setting && t.fromEvent === fromEvent && t.toEvent === toEvent) ?? [];
      if (existing.length === 0) initial.push({ setting, fromEvent, toEvent, variant: null, days: '', unit: 'calendar', include: false });
      for (const t of existing) initial.push({ setting, fromEvent, toEvent, variant: t.variant, days: String(t.days), unit: t.unit, include: true });
    }
  }
  const [rows, setRows] = useState<Row[]>(initial);
  const [validFrom, setValidFrom] = useState<string | null>(today);
  const [clockStart, setClockStart] = useState<'referral_received' | 'referral_assessed'>(base?.clockStart ?? 'referral_assessed');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const patch = (i: number, p: Partial<Row>) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...p } : r)));
  const included = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.include);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('rules.addLocalVersion', {
      pathwayType: pathway.pathwayType,
      validFrom: validFrom ?? '',
      clockStart,
      source,
      times: included.map(({ r }) => ({ setting: r.setting, fromEvent: r.fromEvent, toEvent: r.toEvent, variant: r.variant, days: r.days.trim() === '' ? Number.NaN : Number(r.days), unit: r.unit })),
    });
    if (res.ok) {
      onSaved(`Lokal versjon for ${pathway.label.toLowerCase()} fra ${formatDate(validFrom)}`);
      onClose();
      return;
    }
    // times.N.* refers to the N-th included row: show it on that row.
    const rowOf = (path: string) => {
      const m = /^times\.(\d+)\./.exec(path);
      return m ? `row.${included[Number(m[1])]?.i ?? -1}` : path;
    };
    setErrors(issuesByField(res.error, rowOf));
    setFormError(formMessage(res.error));
  }

  return (
    <FormModal open onClose={onClose} heading="Ny lokal versjon" subheading={pathway.label} submitLabel="Lagre lokal versjon" width={760} onSubmit={submit} saving={false} formError={formError} errors={errors}>
          <BodyShort spacing size="small">
            De nasjonale reglene blir stående. Den lokale versjonen gjelder for forløp som starter fra datoen under. Forløpstidene er merket
            som lokale regler med kilden du skriver inn.
          </BodyShort>
          <div className="form-grid" style={{ marginBottom: 12 }}>
            <DateField label="Gjelder fra" value={validFrom} onChange={setValidFrom} error={errors.validFrom} />
            <Select size="small" label="Forløpstiden regnes fra" value={clockStart} onChange={(e) => setClockStart(e.target.value as typeof clockStart)}>
              <option value="referral_assessed">Henvisning vurdert</option>
              <option value="referral_received">Henvisning mottatt</option>
            </Select>
            <TextField
              className="span-2"
              size="small"
              label="Lokal kilde"
              description="For eksempel vedtak i klinikkledelsen eller lokal prosedyre, med dato"
              value={source}
              onChange={(e) => setSource(e.target.value)}
              error={errors.source}
            />
          </div>
          <Table size="small">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Bruk</Table.HeaderCell>
                <Table.HeaderCell scope="col">Nivå</Table.HeaderCell>
                <Table.HeaderCell scope="col">Fra → til</Table.HeaderCell>
                <Table.HeaderCell scope="col">Dager</Table.HeaderCell>
                <Table.HeaderCell scope="col">Regnes i</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((r, i) => {
                const name = `${SETTING[r.setting]}: ${eventLabel(r.fromEvent)} → ${eventLabel(r.toEvent)}${r.variant ? ` (${r.variant === 'severe' ? 'alvorlig' : 'mindre alvorlig'})` : ''}`;
                return (
                  <Table.Row key={i}>
                    <Table.DataCell>
                      <Checkbox size="small" hideLabel checked={r.include} onChange={(e) => patch(i, { include: e.target.checked })}>
                        {`Bruk ${name}`}
                      </Checkbox>
                    </Table.DataCell>
                    <Table.DataCell>{SETTING[r.setting]}</Table.DataCell>
                    <Table.DataCell>
                      {eventLabel(r.fromEvent)} → {eventLabel(r.toEvent)}
                      {r.variant ? ` (${r.variant === 'severe' ? 'alvorlig' : 'mindre alvorlig'})` : ''}
                    </Table.DataCell>
                    <Table.DataCell>
                      <TextField
                        size="small"
                        label={`Dager, ${name}`}
                        hideLabel
                        inputMode="numeric"
                        htmlSize={5}
                        value={r.days}
                        disabled={!r.include}
                        onChange={(e) => patch(i, { days: e.target.value })}
                        error={errors[`row.${i}`]}
                      />
                    </Table.DataCell>
                    <Table.DataCell>
                      <Select size="small" label={`Enhet, ${name}`} hideLabel value={r.unit} disabled={!r.include} onChange={(e) => patch(i, { unit: e.target.value as Row['unit'] })}>
                        <option value="calendar">Kalenderdager</option>
                        <option value="working">Virkedager</option>
                      </Select>
                    </Table.DataCell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
          {errors.times && (
            <Alert variant="error" size="small" style={{ marginTop: 8 }}>
              {errors.times}
            </Alert>
          )}
    </FormModal>
  );
}
