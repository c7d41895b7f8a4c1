import { Alert, BodyShort } from '@navikt/ds-react';
import { useWatch } from 'react-hook-form';
import type { PathwayDetail } from '../../../../shared/contract/pathways';
import { transferInputSchema } from '../../../../shared/contract/transfers';
import { pathwayTypeLabel, SETTINGS } from '../../../../shared/domain/pathway-types';
import { formatDate, todayInOslo } from '../../../../shared/domain/time';
import { adultOn, transferIssues, transferKindsFor, transferRule, type TransferKind } from '../../../../shared/domain/transfers';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

interface Form {
  kind: string;
  transferredOn: string | null;
  receivedOn: string | null;
  newPathwayType: string;
  newSetting: string;
  receivingTrust: string;
  note: string;
}

/**
 * "Overfør forløpet": ends the pathway as transferred and, inside the trust, opens the linked pathway (no new legal
 * assessment deadline: its time runs from the receiving team's receipt). To another trust it only ends here.
 */
export function TransferDialog({
  pathway,
  birthDate,
  title,
  onClose,
}: {
  pathway: PathwayDetail;
  birthDate: string | null;
  title: string;
  onClose: () => void;
}) {
  const kinds = transferKindsFor(pathway.pathwayType);
  const lastEvent =
    pathway.events
      .filter((e) => e.status === 'active')
      .map((e) => e.date)
      .sort()
      .at(-1) ?? null;
  // The contract plus the rules the server checks (shared/domain/transfers.ts), so every error shows at once.
  const schema = transferInputSchema.superRefine((v, ctx) => {
    if (!v.kind) return;
    const issues = transferIssues({
      kind: v.kind,
      pathwayType: pathway.pathwayType,
      status: pathway.status,
      referralReceived: pathway.referralReceived,
      lastEventDate: lastEvent,
      birthDate,
      transferredOn: v.transferredOn,
      receivedOn: v.receivedOn,
      newPathwayType: v.newPathwayType,
      receivingTrust: v.receivingTrust,
      today: todayInOslo(),
    });
    for (const i of issues.filter((x) => x.severity === 'error')) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
  });
  const form = useContractForm({
    method: 'transfers.create',
    schema,
    defaultValues: {
      kind: '',
      transferredOn: todayInOslo(),
      receivedOn: todayInOslo(),
      newPathwayType: '',
      newSetting: pathway.setting,
      receivingTrust: '',
      note: '',
    } satisfies Form,
    toInput: (f: Form) => {
      const other = f.kind === 'other_trust';
      return {
        pathwayId: pathway.id,
        kind: (f.kind || undefined) as never,
        transferredOn: f.transferredOn ?? '',
        receivedOn: other ? null : f.receivedOn,
        newPathwayType: (other ? null : f.newPathwayType || null) as never,
        newSetting: (other ? null : f.newSetting || null) as never,
        receivingTrust: other ? f.receivingTrust : '',
        note: f.note,
      };
    },
    onSaved: onClose,
  });
  const { control } = form;
  const kind = useWatch({ control, name: 'kind' }) as TransferKind | '';
  const transferredOn = useWatch({ control, name: 'transferredOn' });
  const rule = kind ? transferRule(kind) : null;
  const young = kind === 'd12_to_d11' && birthDate && transferredOn && transferredOn < adultOn(birthDate);

  return (
    <FormDialog form={form} open onClose={onClose} heading="Overfør forløpet" subheading={title} submitLabel="Overfør" width="small">
      <div style={{ display: 'grid', gap: 12 }}>
        <SelectInput control={control} name="kind" label="Overføres til">
          <option value="">Velg</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </SelectInput>
        <DateInput
          control={control}
          name="transferredOn"
          label={kind === 'other_trust' ? 'Overført (henvisningen sendt)' : 'Overført (forløpet avsluttes her)'}
        />
        {young && birthDate && (
          <Alert variant="warning" size="small">
            Pasienten fyller 18 år {formatDate(adultOn(birthDate))}. Overføring fra D12 til D11 skjer vanligvis ved 18 år.
          </Alert>
        )}
        {rule && kind !== 'other_trust' && (
          <>
            <SelectInput control={control} name="newPathwayType" label="Nytt forløp">
              <option value="">Velg forløp</option>
              {rule.to.map((t) => (
                <option key={t} value={t}>
                  {pathwayTypeLabel(t)}
                </option>
              ))}
            </SelectInput>
            <SelectInput control={control} name="newSetting" label="Poliklinikk eller døgn">
              {SETTINGS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </SelectInput>
            <DateInput control={control} name="receivedOn" label="Mottatt av ny enhet" description="Forløpstiden i det nye forløpet regnes fra denne datoen." />
            <BodyShort size="small" className="muted">
              Ingen ny lovpålagt vurderingsfrist: retten til nødvendig helsehjelp følger med. En frist for helsehjelp som ikke er nådd, følger også med.
            </BodyShort>
          </>
        )}
        {kind === 'other_trust' && (
          <>
            <TextInput control={control} name="receivingTrust" label="Helseforetaket som overtar" />
            <BodyShort size="small" className="muted">
              Forløpet avsluttes her. Helseforetaket som overtar, registrerer sin egen forløpsstart når det har vurdert henvisningen.
            </BodyShort>
          </>
        )}
        <TextInput control={control} name="note" label="Merknad (valgfritt)" />
        {rule && (
          <BodyShort size="small" className="muted">
            Regel: {rule.confidence === 'confirmed' ? 'bekreftet' : 'ikke bekreftet'}. Kilde: {rule.source}.
          </BodyShort>
        )}
      </div>
    </FormDialog>
  );
}
