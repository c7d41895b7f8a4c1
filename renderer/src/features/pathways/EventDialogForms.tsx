import { BodyShort } from '@navikt/ds-react';
import { useWatch, type Control } from 'react-hook-form';
import { correctEventSchema, OUTCOME_CODES, recordEventSchema, type EventView } from '../../../../shared/contract/pathways';
import type { PathwayTypeId } from '../../../../shared/domain/pathway-types';
import { DECISION_OUTCOMES, eventCode, eventLabel, type EventType } from '../../../../shared/domain/rule-pack';
import { todayInOslo } from '../../../../shared/domain/time';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { AssessDialog } from './AssessDialog';
import type { EventDialogProps, EventDialogTarget } from './EventDialog';

/** The event dialogs themselves (loaded on first use; EventDialog.tsx is the light entry point). */
type Props = EventDialogProps;

/**
 * A small dialog for one measurement point, prefilled with today. Recording it is the coding: the code it gives is
 * shown before saving. Every error shows at once by its field; what was typed is kept (the one form kit).
 */
export function EventDialogForms({ target, what, helpNeeds, endReasons = [], onClose, onSaved }: Props) {
  if (what.kind === 'assess') return <AssessDialog target={target} onClose={onClose} onSaved={onSaved} />;
  if (what.kind === 'correct')
    return <CorrectDialog target={target} event={what.event} helpNeeds={helpNeeds} endReasons={endReasons} onClose={onClose} onSaved={onSaved} />;
  return <RecordDialog target={target} type={what.type} helpNeeds={helpNeeds} endReasons={endReasons} onClose={onClose} onSaved={onSaved} />;
}

/**
 * The contract's schema plus the checks the server makes that need no stored data (shared/domain/event-rules
 * wording), so the outcome and the date are refused together, before anything is sent.
 */
function withEventChecks<S extends typeof recordEventSchema | typeof correctEventSchema>(schema: S, type: EventType) {
  return schema.superRefine((v, ctx) => {
    const today = todayInOslo();
    if (type === 'clinical_decision' && !v.outcome)
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Klinisk beslutning må ha et utfall (CU, CP, CT, CS, CK, CA eller CI).' });
    if (v.date && v.date > today)
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'Datoen kan ikke være fram i tid. Registrer hendelsen når den har skjedd.' });
  });
}

interface EventForm {
  date: string | null;
  outcome: string;
  until: string | null;
  helpNeed: string;
  endReason: string;
}

function RecordDialog({
  target,
  type,
  helpNeeds,
  endReasons = [],
  onClose,
  onSaved,
}: { target: EventDialogTarget; type: EventType } & Omit<Props, 'target' | 'what'>) {
  const form = useContractForm({
    method: 'pathways.recordEvent',
    schema: withEventChecks(recordEventSchema, type),
    defaultValues: { date: todayInOslo(), outcome: '', until: null, helpNeed: '', endReason: '', note: '' },
    toInput: (f: EventForm & { note: string }) => ({
      pathwayId: target.pathwayId,
      type,
      date: f.date ?? '',
      outcome: (f.outcome || null) as never,
      until: f.until,
      helpNeed: f.helpNeed || null,
      endReason: f.endReason || null,
      note: f.note,
    }),
    onSaved: () => {
      onSaved?.();
      onClose();
    },
  });
  return (
    <FormDialog form={form} open onClose={onClose} heading={eventLabel(type)} subheading={target.title} submitLabel="Lagre" width="small">
      <div style={{ display: 'grid', gap: 12 }}>
        <EventFields control={form.control as never} type={type} helpNeeds={helpNeeds} endReasons={endReasons} />
        <TextInput control={form.control} name="note" label={type === 'own_clinician' ? 'Egen behandler (valgfritt)' : 'Merknad (valgfritt)'} />
        <CodeHint control={form.control as never} pathwayType={target.pathwayType} type={type} />
      </div>
    </FormDialog>
  );
}

function CorrectDialog({
  target,
  event,
  helpNeeds,
  endReasons = [],
  onClose,
  onSaved,
}: { target: EventDialogTarget; event: EventView } & Omit<Props, 'target' | 'what'>) {
  const form = useContractForm({
    method: 'pathways.correctEvent',
    schema: withEventChecks(correctEventSchema, event.type),
    defaultValues: {
      date: event.date,
      outcome: event.outcome ?? '',
      until: event.until ?? null,
      helpNeed: event.helpNeed ?? '',
      endReason: event.endReason ?? '',
      reason: '',
    },
    toInput: (f: EventForm & { reason: string }) => ({
      eventId: event.id,
      action: 'replace' as const,
      date: f.date,
      outcome: (f.outcome || null) as never,
      until: f.until,
      helpNeed: f.helpNeed || null,
      endReason: f.endReason || null,
      reason: f.reason,
    }),
    onSaved: () => {
      onSaved?.();
      onClose();
    },
  });
  return (
    <FormDialog form={form} open onClose={onClose} heading={`Korriger: ${event.label}`} subheading={target.title} submitLabel="Lagre" width="small">
      <div style={{ display: 'grid', gap: 12 }}>
        <EventFields control={form.control as never} type={event.type} helpNeeds={helpNeeds} endReasons={endReasons} />
        <TextInput control={form.control} name="reason" label="Årsak til korrigeringen" />
        <CodeHint control={form.control as never} pathwayType={target.pathwayType} type={event.type} />
      </div>
    </FormDialog>
  );
}

/** The date and the fields one event type has (outcome, postponed until, help need at the end). */
function EventFields({
  control,
  type,
  helpNeeds,
  endReasons = [],
}: {
  control: Control<EventForm>;
  type: EventType;
  helpNeeds: Props['helpNeeds'];
  endReasons?: Props['endReasons'];
}) {
  return (
    <>
      <DateInput control={control} name="date" label="Dato" />
      {type === 'clinical_decision' && (
        <SelectInput control={control} name="outcome" label="Utfall">
          <option value="">Velg utfall</option>
          {DECISION_OUTCOMES.filter((o) => (OUTCOME_CODES as readonly string[]).includes(o.code)).map((o) => (
            <option key={o.code} value={o.code}>
              {o.code} – {o.label}
            </option>
          ))}
        </SelectInput>
      )}
      {type === 'patient_postponed' && (
        <DateInput control={control} name="until" label="Utsatt til og med (valgfritt)" description="Tom hvis pasienten ennå ikke har fått ny time." />
      )}
      {type === 'end' && endReasons.length > 0 && (
        <SelectInput
          control={control}
          name="endReason"
          label="Årsak til avslutning"
          description="Listen er ikke bekreftet mot kodeveilederen der det står «ikke bekreftet»."
        >
          <option value="">Ikke registrert</option>
          {endReasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
              {r.confidence === 'unconfirmed' ? ' (ikke bekreftet)' : ''}
            </option>
          ))}
        </SelectInput>
      )}
      {type === 'end' && (
        <SelectInput control={control} name="helpNeed" label="Hjelpebehov ved avslutning">
          <option value="">Ikke registrert</option>
          {helpNeeds.map((h) => (
            <option key={h.code} value={h.code}>
              {h.label}
            </option>
          ))}
        </SelectInput>
      )}
    </>
  );
}

/** The code the event gives, shown before saving (it follows the outcome for a clinical decision). */
function CodeHint({ control, pathwayType, type }: { control: Control<EventForm>; pathwayType: PathwayTypeId; type: EventType }) {
  const outcome = useWatch({ control, name: 'outcome' });
  const code = eventCode(pathwayType, type, (outcome || null) as never);
  return (
    <BodyShort size="small" className="muted">
      {code ? (
        <>
          Kode: <strong className="mono">{code}</strong>
        </>
      ) : type === 'clinical_decision' ? (
        'Koden følger av utfallet.'
      ) : (
        'Denne hendelsen har ingen egen kode.'
      )}
    </BodyShort>
  );
}
