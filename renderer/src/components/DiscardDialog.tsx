import { BodyLong, Button, Modal } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { useDiscardQuestion } from '../forms/unsaved';

/**
 * "Forkaste endringene?": asked in the app when a dialog with unsaved changes is closed or a screen with them is
 * left (forms/unsaved.ts). The safe choice, keep editing, has focus; Esc keeps editing too.
 */
export function DiscardDialog() {
  const { asking, answer } = useDiscardQuestion();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!asking) return;
    const id = requestAnimationFrame(() => keep.current?.focus());
    return () => cancelAnimationFrame(id);
  }, [asking]);
  // Mounted only while asking, so its words are not in the page otherwise.
  if (!asking) return null;
  return (
    <Modal open onClose={() => answer(false)} header={{ heading: 'Forkaste endringene?', closeButton: false }} width="small" role="alertdialog">
      <Modal.Body>
        <BodyLong>Du har endringer som ikke er lagret. Forkaster du dem, er det du har skrevet borte.</BodyLong>
      </Modal.Body>
      <Modal.Footer>
        <Button ref={keep} type="button" size="small" onClick={() => answer(false)} autoFocus>
          Fortsett å redigere
        </Button>
        <Button type="button" size="small" variant="danger" onClick={() => answer(true)}>
          Forkast
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
