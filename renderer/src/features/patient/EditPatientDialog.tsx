import { useEffect, useRef } from 'react';
import { callOrThrow } from '../../api/query';
import { patientsContract, type Patient } from '../../../../shared/contract/patients';
import { FormDialog } from '../../components/FormDialog';
import { TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

type Form = { name: string; phone: string; address: string; postalCode: string; postalPlace: string; municipalityNumber: string; gpName: string };
const valuesOf = (p: Patient): Form => ({
  name: p.name,
  phone: p.phone,
  address: p.address,
  postalCode: p.postalCode,
  postalPlace: p.postalPlace,
  municipalityNumber: p.municipalityNumber,
  gpName: p.gpName,
});

/** "Endre pasient": name, phone, address, municipality and GP. An empty poststed is filled in from the postnummer. */
export function EditPatientDialog({ open, onClose, patient }: { open: boolean; onClose: () => void; patient: Patient }) {
  // The row version this form edits; after a conflict it moves to the newer one, so saving again replaces it knowingly.
  const version = useRef(patient.version);
  const form = useContractForm({
    method: 'patients.update',
    schema: patientsContract['patients.update'].input,
    defaultValues: valuesOf(patient),
    toInput: (f: Form) => ({ id: patient.id, ...f, version: version.current }),
    onRefused: (error) => {
      if (error.code === 'conflict') {
        void callOrThrow('patients.get', { id: patient.id }).then(
          (fresh) => (version.current = fresh.patient.version),
          () => undefined,
        );
      }
      return error;
    },
    onSaved: () => onClose(),
  });
  const { control, reset } = form;
  useEffect(() => {
    if (open) {
      reset(valuesOf(patient));
      version.current = patient.version;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fresh values each time it opens
  }, [open]);
  return (
    <FormDialog
      form={form}
      open={open}
      onClose={onClose}
      heading="Endre pasient"
      subheading={patient.name}
      label="Endre pasient"
      submitLabel="Lagre pasient"
      width={640}
    >
      <div className="form-grid">
        <TextInput control={control} name="name" label="Navn" className="span-2" autoComplete="off" />
        <TextInput control={control} name="phone" label="Telefon" autoComplete="off" />
        <TextInput control={control} name="gpName" label="Fastlege" autoComplete="off" />
        <TextInput control={control} name="address" label="Adresse" className="span-2" autoComplete="off" />
        <TextInput control={control} name="postalCode" label="Postnummer" inputMode="numeric" autoComplete="off" />
        <TextInput control={control} name="postalPlace" label="Poststed" description="Tomt: fylles ut fra postnummeret" autoComplete="off" />
        <TextInput
          control={control}
          name="municipalityNumber"
          label="Kommunenummer"
          inputMode="numeric"
          description="Fire sifre, f.eks. 0301"
          autoComplete="off"
        />
      </div>
    </FormDialog>
  );
}
