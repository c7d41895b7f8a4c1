import { BodyLong, Button, Modal } from '@navikt/ds-react';

/** Asks before removing something from the plan. */
export function ConfirmDialog({ text, onConfirm, onClose }: { text: string; onConfirm: () => void; onClose: () => void }) {
  return (
    <Modal open onClose={onClose} header={{ heading: 'Bekreft' }} width="small">
      <Modal.Body>
        <BodyLong>{text}</BodyLong>
      </Modal.Body>
      <Modal.Footer>
        <Button size="small" variant="danger" onClick={onConfirm}>
          Fjern
        </Button>
        <Button size="small" variant="secondary" onClick={onClose}>
          Avbryt
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
