import { useEffect } from 'react';
import { contactsContract, type Contact } from '../../../../shared/contract/contacts';
import { CONTACT_ROLE_LABELS, CONTACT_ROLES } from '../../../../shared/domain/contact-roles';
import { FormDialog } from '../../components/FormDialog';
import { Options, SelectInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';
import { callOrThrow } from '../../api/query';
import { useMunicipalities } from './municipalities';

interface Form {
  name: string;
  role: string;
  organisation: string;
  municipalityNumber: string;
  phone: string;
  email: string;
  address: string;
  postalCode: string;
  postalPlace: string;
}

const EMPTY: Form = {
  name: '',
  role: 'municipal_coordinator',
  organisation: '',
  municipalityNumber: '',
  phone: '',
  email: '',
  address: '',
  postalCode: '',
  postalPlace: '',
};
const formOf = (c: Contact | null): Form =>
  c
    ? {
        name: c.name,
        role: c.role,
        organisation: c.organisation,
        municipalityNumber: c.municipalityNumber,
        phone: c.phone,
        email: c.email,
        address: c.address,
        postalCode: c.postalCode,
        postalPlace: c.postalPlace,
      }
    : EMPTY;

/** New or changed contact in the directory. Errors by the field; what was typed is kept when saving fails. */
export function ContactDialog({
  open,
  contact,
  onClose,
  onSaved,
}: {
  open: boolean;
  contact: Contact | null;
  onClose: () => void;
  onSaved: (c: Contact) => void;
}) {
  const municipalities = useMunicipalities();
  const { version, onRefused } = useRowVersion(contact?.version, open, async () => {
    if (!contact) return undefined;
    return (await callOrThrow('contacts.get', { id: contact.id })).version;
  });
  const form = useContractForm({
    method: 'contacts.save',
    schema: contactsContract['contacts.save'].input,
    defaultValues: formOf(contact),
    toInput: (f: Form) => ({ ...(contact ? { id: contact.id, version: version.current } : {}), ...f, role: f.role as never }),
    onRefused,
    onSaved: (saved) => {
      onSaved(saved);
      onClose();
    },
  });
  const { reset } = form;
  useEffect(() => {
    if (open) reset(formOf(contact));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form each time it opens
  }, [open, contact?.id]);

  const { control } = form;
  const heading = contact ? 'Endre kontakt' : 'Ny kontakt';
  return (
    <FormDialog form={form} open={open} onClose={onClose} heading={heading} label={heading} submitLabel="Lagre kontakt">
      <div className="form-grid">
        <TextInput control={control} name="name" label="Navn" />
        <SelectInput control={control} name="role" label="Rolle">
          <Options values={CONTACT_ROLES} labels={CONTACT_ROLE_LABELS} />
        </SelectInput>
        <TextInput control={control} name="organisation" label="Organisasjon" />
        <SelectInput control={control} name="municipalityNumber" label="Kommune">
          <option value="">Ingen kommune</option>
          {municipalities.map((m) => (
            <option key={m.number} value={m.number}>
              {m.name} ({m.number})
            </option>
          ))}
        </SelectInput>
        <TextInput control={control} name="phone" label="Telefon" />
        <TextInput control={control} name="email" label="E-post" />
        <TextInput control={control} name="address" label="Adresse" description="Gate eller postboks, for brev i vinduskonvolutt" className="span-2" />
        <TextInput control={control} name="postalCode" label="Postnummer" inputMode="numeric" />
        <TextInput control={control} name="postalPlace" label="Poststed" />
      </div>
    </FormDialog>
  );
}
