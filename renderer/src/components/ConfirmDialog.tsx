import { BodyLong, Button, Modal } from '@navikt/ds-react';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The app's one yes/no question (never the browser's own confirm, whose buttons and title the app does not
 * control): an alertdialog whose safe choice has focus; Esc and the safe choice answer false.
 */
export function ConfirmDialog({
  heading,
  children,
  confirmLabel,
  cancelLabel = 'Avbryt',
  onAnswer,
}: {
  heading: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onAnswer: (confirmed: boolean) => void;
}) {
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const id = requestAnimationFrame(() => safe.current?.focus());
    return () => cancelAnimationFrame(id);
  }, []);
  return (
    <Modal open onClose={() => onAnswer(false)} header={{ heading, closeButton: false }} width="small" role="alertdialog">
      <Modal.Body>
        <BodyLong>{children}</BodyLong>
      </Modal.Body>
      <Modal.Footer>
        <Button ref={safe} type="button" size="small" onClick={() => onAnswer(false)} autoFocus>
          {cancelLabel}
        </Button>
        <Button type="button" size="small" variant="danger" onClick={() => onAnswer(true)}>
          {confirmLabel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
