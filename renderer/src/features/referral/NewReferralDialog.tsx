import { Alert } from '@navikt/ds-react';
import { useState, type BaseSyntheticEvent } from 'react';
import { call } from '../../api/client';
import { KnownPatientChoice, type Difference, type Keep } from './KnownPatientChoice';
import { referralsContract } from '../../../../shared/contract/referrals';
import { PATHWAY_TYPES, SETTINGS } from '../../../../shared/domain/pathway-types';
import { FormDialog } from '../../components/FormDialog';
import { DateInput, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useUi } from '../../stores/ui';
import { todayInOslo } from '../../../../shared/domain/time';

// The form has the method's own shape, so every issue (schema or server) lands on the field of the same path.
const emptyForm = () => ({
  patient: {
    name: '',
    nationalId: '',
    birthDate: null as string | null,
    phone: '',
    address: '',
    postalCode: '',
    postalPlace: '',
    municipalityNumber: '',
    gpName: '',
  },
  pathway: {
    pathwayType: '',
    setting: 'outpatient',
    referralReceived: todayInOslo() as string | null,
    referralAssessed: null as string | null,
    intake: 'referral',
  },
});
type Form = ReturnType<typeof emptyForm>;

/** "Ny henvisning": registers the patient and a new pathway. A failed save keeps what was typed. */
export function NewReferralDialog({ demo }: { demo: boolean }) {
  const open = useUi((s) => s.newReferralOpen);
  const toggle = useUi((s) => s.newReferralToggled);
  const navigated = useUi((s) => s.navigated);
  // Date pickers keep their own typed state: a new key gives every open a fresh form.
  const [formKey, setFormKey] = useState(0);
  // A known national id with other details: the differences, and which the person keeps.
  const [differences, setDifferences] = useState<Difference[] | null>(null);
  const [keep, setKeep] = useState<Keep | null>(null);
  const form = useContractForm({
    method: 'referrals.create',
    schema: referralsContract['referrals.create'].input,
    defaultValues: emptyForm(),
    draftKey: 'new-referral',
    toInput: (f: Form) => ({
      patient: { ...f.patient, birthDate: f.patient.birthDate ?? '' },
      pathway: {
        pathwayType: f.pathway.pathwayType as never,
        setting: f.pathway.setting as never,
        referralReceived: f.pathway.referralReceived ?? '',
        referralAssessed: f.pathway.intake === 'internal_transfer' ? null : f.pathway.referralAssessed,
        intake: f.pathway.intake as never,
      },
      keep,
    }),
    onSaved: (value) => {
      form.reset(emptyForm());
      close();
      navigated({ screen: 'patient', patientId: value.patientId, from: 'worklist' });
    },
  });
  const close = () => {
    setDifferences(null);
    setKeep(null);
    toggle(false);
    setFormKey((k) => k + 1);
    form.reset(emptyForm());
  };
  const { control } = form;
  const intake = form.watch('pathway.intake');

  // Before the first save: is the national id known with other details? Then show both and ask (issue 16).
  async function submit(e?: BaseSyntheticEvent) {
    e?.preventDefault();
    if (keep === null) {
      const f = form.getValues();
      const res = await call('referrals.compare', { patient: { ...f.patient, birthDate: f.patient.birthDate ?? '' } });
      if (res.ok && res.value.differences.length > 0) return setDifferences(res.value.differences);
    }
    await form.onSubmit(e);
  }

  return (
    <FormDialog
      form={{ ...form, onSubmit: submit }}
      open={open}
      onClose={close}
      heading="Ny henvisning"
      label="Ny henvisning"
      submitLabel="Registrer henvisning"
      width={720}
    >
      <div key={`${formKey}-${form.draftRestored}`}>
        {differences && <KnownPatientChoice differences={differences} keep={keep} onKeep={setKeep} />}
        {demo && (
          <Alert variant="info" size="small" style={{ marginBottom: 12 }}>
            Demomodus: bruk syntetiske testnumre (måned + 80).
          </Alert>
        )}
        <fieldset className="plain">
          <legend className="aksel-label">Pasient</legend>
          <div className="form-grid">
            <TextInput control={control} name="patient.name" label="Navn" className="span-2" />
            <TextInput control={control} name="patient.nationalId" label="Fødselsnummer / D-nummer" inputMode="numeric" />
            <DateInput control={control} name="patient.birthDate" label="Fødselsdato" />
            <TextInput control={control} name="patient.phone" label="Telefon" />
            <TextInput control={control} name="patient.gpName" label="Fastlege" />
            <TextInput control={control} name="patient.address" label="Adresse" className="span-2" />
            <TextInput control={control} name="patient.postalCode" label="Postnummer" inputMode="numeric" />
            <TextInput control={control} name="patient.postalPlace" label="Poststed" />
            <TextInput control={control} name="patient.municipalityNumber" label="Kommunenummer" inputMode="numeric" description="Fire sifre, f.eks. 0301" />
          </div>
        </fieldset>
        <fieldset className="plain">
          <legend className="aksel-label">Forløp</legend>
          <div className="form-grid">
            <SelectInput control={control} name="pathway.pathwayType" label="Forløpstype">
              <option value="">Velg forløpstype</option>
              {PATHWAY_TYPES.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.code ? `${t.code} ` : ''}
                  {t.label}
                </option>
              ))}
            </SelectInput>
            <SelectInput control={control} name="pathway.setting" label="Behandlingsnivå">
              {SETTINGS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </SelectInput>
            <DateInput control={control} name="pathway.referralReceived" label="Henvisning mottatt" />
            <SelectInput
              control={control}
              name="pathway.intake"
              label="Mottatt som"
              description="En intern overføring (til OCD- eller psykoseteam, fra D12 til D11) er allerede vurdert: ingen ny lovpålagt vurderingsfrist, forløpstiden regnes fra mottaket her."
            >
              <option value="referral">Ny henvisning</option>
              <option value="internal_transfer">Intern overføring</option>
            </SelectInput>
            {intake === 'referral' && (
              <DateInput control={control} name="pathway.referralAssessed" label="Henvisning vurdert" description="Tom hvis ikke vurdert ennå" />
            )}
          </div>
        </fieldset>
      </div>
    </FormDialog>
  );
}
