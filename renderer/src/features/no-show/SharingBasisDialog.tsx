import { Button, Modal, Radio, RadioGroup, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';

export type SharingBasis = { sharingBasis: 'consent' | 'other_basis'; sharingBasisNote: string };

/**
 * Before a letter to the municipal coordinator (issue #13): the patient's consent, or another legal basis
 * named in words. The service refuses the letter without one; the letter states it.
 */
export function SharingBasisDialog({ onClose, onConfirm }: { onClose: () => void; onConfirm: (basis: SharingBasis) => void }) {
  const [basis, setBasis] = useState<'' | 'consent' | 'other_basis'>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (basis === '') return setError('Velg grunnlag for å dele opplysninger med kommunen');
    if (basis === 'other_basis' && note.trim() === '') return setError('Skriv hvilket grunnlag som gir adgang til å dele');
    onConfirm({ sharingBasis: basis, sharingBasisNote: basis === 'other_basis' ? note : '' });
  }
  return (
    <Modal open onClose={onClose} header={{ heading: 'Grunnlag for å dele med kommunen' }} width="small">
      <form onSubmit={submit} noValidate>
        <Modal.Body>
          <RadioGroup size="small" legend="Hva gir adgang til å dele opplysninger med kommunen?" value={basis} onChange={(v) => setBasis(v)} error={basis === '' ? error : null}>
            <Radio value="consent">Pasienten har samtykket</Radio>
            <Radio value="other_basis">Annet rettslig grunnlag</Radio>
          </RadioGroup>
          {basis === 'other_basis' && (
            <TextField size="small" label="Grunnlag" value={note} onChange={(e) => setNote(e.target.value)} error={basis === 'other_basis' ? error : null} maxLength={200} />
          )}
        </Modal.Body>
        <Modal.Footer>
          <Button size="small" type="submit">
            Lag brevet
          </Button>
          <Button size="small" type="button" variant="secondary" onClick={onClose}>
            Avbryt
          </Button>
        </Modal.Footer>
      </form>
    </Modal>
  );
}
