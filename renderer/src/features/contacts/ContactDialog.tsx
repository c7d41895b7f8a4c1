import { Button, Modal, Select, TextField } from '@navikt/ds-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { Contact } from '../../../../shared/contract/contacts';
import { CONTACT_ROLE_LABELS, CONTACT_ROLES } from '../../../../shared/domain/contact-roles';
import { call } from '../../api/client';
import { useMunicipalities } from './municipalities';

interface Form {
  name: string;
  role: string;
  organisation: string;
  municipalityNumber: string;
  phone: string;
  email: string;
}

const EMPTY: Form = { name: '', role: 'municipal_coordinator', organisation: '', municipalityNumber: '', phone: '', email: '' };

/** New or changed contact in the directory. Errors by the field; what was typed is kept when saving fails. */
export function ContactDialog({ open, contact, onClose, onSaved }: { open: boolean; contact: Contact | null; onClose: () => void; onSaved: (c: Contact) => void }) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const municipalities = useMunicipalities();

  useEffect(() => {
    if (!open) return;
    setErrors({});
    setForm(contact ? { name: contact.name, role: contact.role, organisation: contact.organisation, municipalityNumber: contact.municipalityNumber, phone: contact.phone, email: contact.email } : EMPTY);
  }, [open, contact]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await call('contacts.save', { ...(contact ? { id: contact.id } : {}), ...form, role: form.role as never });
    if (res.ok) {
      onSaved(res.value);
      onClose();
      return;
    }
    const byField: Record<string, string> = {};
    for (const i of res.error.issues ?? []) byField[i.path] ??= i.message;
    if (Object.keys(byField).length === 0) byField.name = res.error.message;
    setErrors(byField);
  }

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <Modal open={open} onClose={onClose} header={{ heading: contact ? 'Endre kontakt' : 'Ny kontakt' }} width="medium">
      <form onSubmit={submit} noValidate aria-label={contact ? 'Endre kontakt' : 'Ny kontakt'}>
        <Modal.Body>
          <div className="form-grid">
            <TextField size="small" label="Navn" value={form.name} onChange={(e) => set({ name: e.target.value })} error={errors.name} autoFocus />
            <Select size="small" label="Rolle" value={form.role} onChange={(e) => set({ role: e.target.value })} error={errors.role}>
              {CONTACT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {CONTACT_ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
            <TextField size="small" label="Organisasjon" value={form.organisation} onChange={(e) => set({ organisation: e.target.value })} error={errors.organisation} />
            <Select size="small" label="Kommune" value={form.municipalityNumber} onChange={(e) => set({ municipalityNumber: e.target.value })} error={errors.municipalityNumber}>
              <option value="">Ingen kommune</option>
              {municipalities.map((m) => (
                <option key={m.number} value={m.number}>
                  {m.name} ({m.number})
                </option>
              ))}
            </Select>
            <TextField size="small" label="Telefon" value={form.phone} onChange={(e) => set({ phone: e.target.value })} error={errors.phone} />
            <TextField size="small" label="E-post" value={form.email} onChange={(e) => set({ email: e.target.value })} error={errors.email} />
          </div>
        </Modal.Body>
        <Modal.Footer>
          <Button size="small" type="submit">
            Lagre kontakt
          </Button>
          <Button size="small" type="button" variant="secondary" onClick={onClose}>
            Avbryt
          </Button>
        </Modal.Footer>
      </form>
    </Modal>
  );
}
