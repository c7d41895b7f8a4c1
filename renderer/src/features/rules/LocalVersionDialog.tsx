import { Alert, BodyShort, Table } from '@navikt/ds-react';
import type { Output } from '../../../../shared/contract';
import { rulesContract } from '../../../../shared/contract/rules';
import { eventLabel, type EventType } from '../../../../shared/domain/rule-pack';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxInput, DateInput, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
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

interface Form {
  rows: Row[];
  validFrom: string | null;
  clockStart: 'referral_received' | 'referral_assessed';
  source: string;
}
/** The rows in use, each with its place in the table. */
const included = (f: Form) => f.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.include);

/**
 * A unit's own version of one pathway's times: values, the date it applies from, and the local source.
 * Prefilled with the version in force, plus the cells the national rules leave empty.
 */
export function LocalVersionDialog({
  pathway,
  today,
  onClose,
  onSaved,
}: {
  pathway: RulePathway;
  today: string;
  onClose: () => void;
  onSaved: (label: string) => void;
}) {
  const base = pathway.versions.find((v) => v.inForceToday) ?? null;
  const initial: Row[] = [];
  for (const setting of ['outpatient', 'inpatient'] as const) {
    for (const [fromEvent, toEvent] of pathway.pathwayType === 'tsb' ? [...PAIRS, ['detox_end', 'follow_on_treatment'] as [EventType, EventType]] : PAIRS) {
      const existing = base?.times.filter((t) => t.setting === setting && t.fromEvent === fromEvent && t.toEvent === toEvent) ?? [];
      if (existing.length === 0) initial.push({ setting, fromEvent, toEvent, variant: null, days: '', unit: 'calendar', include: false });
      for (const t of existing) initial.push({ setting, fromEvent, toEvent, variant: t.variant, days: String(t.days), unit: t.unit, include: true });
    }
  }
  const form = useContractForm({
    method: 'rules.addLocalVersion',
    schema: rulesContract['rules.addLocalVersion'].input,
    defaultValues: { rows: initial, validFrom: today, clockStart: base?.clockStart ?? 'referral_assessed', source: '' },
    toInput: (f: Form) => ({
      pathwayType: pathway.pathwayType,
      validFrom: f.validFrom ?? '',
      clockStart: f.clockStart,
      source: f.source,
      times: included(f).map(({ r }) => ({
        setting: r.setting,
        fromEvent: r.fromEvent,
        toEvent: r.toEvent,
        variant: r.variant,
        days: r.days.trim() === '' ? Number.NaN : Number(r.days),
        unit: r.unit,
      })),
    }),
    // times.N.* refers to the N-th included row: show it on that row's days.
    fieldOf: (path): string => {
      const m = /^times\.(\d+)(\.|$)/.exec(path);
      if (!m) return path;
      const row = included(form.getValues() as Form)[Number(m[1])];
      return row ? `rows.${row.i}.days` : 'times';
    },
    onSaved: (_, f) => {
      onSaved(`Lokal versjon for ${pathway.label.toLowerCase()} fra ${formatDate(f.validFrom)}`);
      onClose();
    },
  });
  const { control, watch } = form;
  const rows = watch('rows');
  const timesError = (form.formState.errors as { times?: { message?: string } }).times?.message;

  return (
    <FormDialog form={form} open onClose={onClose} heading="Ny lokal versjon" subheading={pathway.label} submitLabel="Lagre lokal versjon" width={760}>
      <BodyShort spacing size="small">
        De nasjonale reglene blir stående. Den lokale versjonen gjelder for forløp som starter fra datoen under. Forløpstidene er merket som lokale regler med
        kilden du skriver inn.
      </BodyShort>
      <div className="form-grid" style={{ marginBottom: 12 }}>
        <DateInput control={control} name="validFrom" label="Gjelder fra" />
        <SelectInput control={control} name="clockStart" label="Forløpstiden regnes fra">
          <option value="referral_assessed">Henvisning vurdert</option>
          <option value="referral_received">Henvisning mottatt</option>
        </SelectInput>
        <TextInput
          control={control}
          name="source"
          className="span-2"
          label="Lokal kilde"
          description="For eksempel vedtak i klinikkledelsen eller lokal prosedyre, med dato"
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
                  <CheckboxInput control={control} name={`rows.${i}.include`} hideLabel>
                    {`Bruk ${name}`}
                  </CheckboxInput>
                </Table.DataCell>
                <Table.DataCell>{SETTING[r.setting]}</Table.DataCell>
                <Table.DataCell>
                  {eventLabel(r.fromEvent)} → {eventLabel(r.toEvent)}
                  {r.variant ? ` (${r.variant === 'severe' ? 'alvorlig' : 'mindre alvorlig'})` : ''}
                </Table.DataCell>
                <Table.DataCell>
                  <TextInput
                    control={control}
                    name={`rows.${i}.days`}
                    label={`Dager, ${name}`}
                    hideLabel
                    inputMode="numeric"
                    htmlSize={5}
                    disabled={!r.include}
                  />
                </Table.DataCell>
                <Table.DataCell style={{ minWidth: 200 }}>
                  <SelectInput control={control} name={`rows.${i}.unit`} label={`Enhet, ${name}`} hideLabel disabled={!r.include}>
                    <option value="calendar">Kalenderdager</option>
                    <option value="working">Virkedager</option>
                  </SelectInput>
                </Table.DataCell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
      {timesError && (
        <Alert variant="error" size="small" style={{ marginTop: 8 }}>
          {timesError}
        </Alert>
      )}
    </FormDialog>
  );
}
