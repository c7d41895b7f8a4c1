import { Alert, Button, Modal, Select, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { PATHWAY_TYPES, SETTINGS } from '../../../../shared/domain/pathway-types';
import { call } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useUi } from '../../stores/ui';
import { FormError } from '../../components/FormError';
import { todayInOslo } from '../../../../shared/domain/time';

const emptyForm = () => ({
  name: '',
  nationalId: '',
  birthDate: null as string | null,
  phone: '',
  address: '',
  postalCode: '',
  postalPlace: '',
  municipalityNumber: '',
  gpName: '',
  pathwayType: '',
  setting: 'outpatient',
  referralReceived: todayInOslo() as string | null,
  referralAssessed: null as string | null,
  intake: 'referral',
});
type Form = ReturnType<typeof emptyForm>;

/** "Ny henvisning": registers the patient and a new pathway. A failed save keeps what was typed. */
export function NewReferralDialog({ demo }: { demo: boolean }) {
  const open = useUi((s) => s.newReferralOpen);
  const toggle = useUi((s) => s.newReferralToggled);
  const navigated = useUi((s) => s.navigated);
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Date pickers keep their own typed state: a new key gives every open a fresh form.
  const [formKey, setFormKey] = useState(0);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const close = () => {
    toggle(false);
    setFormKey((k) => k + 1);
    setErrors({});
    setFormError(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const res = await call('referrals.create', {
      patient: {
        name: form.name,
        nationalId: form.nationalId,
        birthDate: form.birthDate ?? '',
        phone: form.phone,
        address: form.address,
        postalCode: form.postalCode,
        postalPlace: form.postalPlace,
        municipalityNumber: form.municipalityNumber,
        gpName: form.gpName,
      },
      pathway: {
        pathwayType: form.pathwayType as never,
        setting: form.setting as never,
        referralReceived: form.referralReceived ?? '',
        referralAssessed: form.intake === 'internal_transfer' ? null : form.referralAssessed,
        intake: form.intake as never,
      },
    });
    setSaving(false);
    if (res.ok) {
      setForm(emptyForm());
      close();
      navigated({ screen: 'patient', patientId: res.value.patientId, from: 'worklist' });
      return;
    }
    const byField: Record<string, string> = {};
    for (const issue of res.error.issues ?? []) byField[issue.path.replace(/^(patient|pathway)\./, '')] ??= issue.message;
    setErrors(byField);
    setFormError(res.error.issues?.length ? null : res.error.message);
  }

  return (
    <Modal open={open} onClose={close} header={{ heading: 'Ny henvisning' }} width={720}>
      <form key={formKey} onSubmit={submit} noValidate aria-label="Ny henvisning">
        <Modal.Body>
          {demo && (
            <Alert variant="info" size="small" style={{ marginBottom: 12 }}>
              Demomodus: bruk syntetiske testnumre (måned + 80).
            </Alert>
          )}
          <FormError message={formError} />
          <fieldset className="plain">
            <legend className="aksel-label">Pasient</legend>
            <div className="form-grid">
              <TextField size="small" label="Navn" autoComplete="off" value={form.name} onChange={(e) => set('name', e.target.value)} error={errors.name} className="span-2" />
              <TextField size="small" label="Fødselsnummer / D-nummer" inputMode="numeric" autoComplete="off" value={form.nationalId} onChange={(e) => set('nationalId', e.target.value)} error={errors.nationalId} />
              <DateField label="Fødselsdato" value={form.birthDate} onChange={(v) => set('birthDate', v)} error={errors.birthDate} />
              <TextField size="small" label="Telefon" autoComplete="off" value={form.phone} onChange={(e) => set('phone', e.target.value)} error={errors.phone} />
              <TextField size="small" label="Fastlege" autoComplete="off" value={form.gpName} onChange={(e) => set('gpName', e.target.value)} error={errors.gpName} />
              <TextField size="small" label="Adresse" autoComplete="off" value={form.address} onChange={(e) => set('address', e.target.value)} error={errors.address} className="span-2" />
              <TextField size="small" label="Postnummer" inputMode="numeric" autoComplete="off" value={form.postalCode} onChange={(e) => set('postalCode', e.target.value)} error={errors.postalCode} />
              <TextField size="small" label="Poststed" autoComplete="off" value={form.postalPlace} onChange={(e) => set('postalPlace', e.target.value)} error={errors.postalPlace} />
              <TextField size="small" label="Kommunenummer" inputMode="numeric" autoComplete="off" value={form.municipalityNumber} onChange={(e) => set('municipalityNumber', e.target.value)} error={errors.municipalityNumber} description="Fire sifre, f.eks. 0301" />
            </div>
          </fieldset>
          <fieldset className="plain">
            <legend className="aksel-label">Forløp</legend>
            <div className="form-grid">
              <Select size="small" label="Forløpstype" value={form.pathwayType} onChange={(e) => set('pathwayType', e.target.value)} error={errors.pathwayType}>
                <option value="">Velg forløpstype</option>
                {PATHWAY_TYPES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.code ? `${t.code} ` : ''}
                    {t.label}
                  </option>
                ))}
              </Select>
              <Select size="small" label="Behandlingsnivå" value={form.setting} onChange={(e) => set('setting', e.target.value)} error={errors.setting}>
                {SETTINGS.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </Select>
              <DateField label="Henvisning mottatt" value={form.referralReceived} onChange={(v) => set('referralReceived', v)} error={errors.referralReceived} />
              <Select
                size="small"
                label="Mottatt som"
                value={form.intake}
                onChange={(e) => set('intake', e.target.value)}
                description="En intern overføring (til OCD- eller psykoseteam, fra D12 til D11) er allerede vurdert: ingen ny lovpålagt vurderingsfrist, forløpstiden regnes fra mottaket her."
              >
                <option value="referral">Ny henvisning</option>
                <option value="internal_transfer">Intern overføring</option>
              </Select>
              {form.intake === 'referral' && (
                <DateField label="Henvisning vurdert" value={form.referralAssessed} onChange={(v) => set('referralAssessed', v)} error={errors.referralAssessed} description="Tom hvis ikke vurdert ennå" />
              )}
            </div>
          </fieldset>
        </Modal.Body>
        <Modal.Footer>
          <Button type="submit" size="small" loading={saving}>
            Registrer henvisning
          </Button>
          <Button type="button" size="small" variant="secondary" onClick={close}>
            Avbryt
          </Button>
        </Modal.Footer>
      </form>
    </Modal>
  );
}
