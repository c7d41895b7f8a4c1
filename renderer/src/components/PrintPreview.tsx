import { Button, Modal } from '@navikt/ds-react';
import { useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  onClose: () => void;
  /** A complete document from shared/print/document.ts. */
  html: string | null;
  heading: string;
  /** Called after the print dialog was opened (e.g. to store what was printed). */
  onPrinted?: () => void;
  /** Shown above the preview, e.g. warnings about missing values to check before printing. */
  notice?: ReactNode;
}

/**
 * The one way to print: a preview of the exact document, then the system print dialog
 * (which also saves as PDF). The frame runs no scripts; it only shows the document.
 */
export function PrintPreview({ open, onClose, html, heading, onPrinted, notice }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const print = () => {
    frame.current?.contentWindow?.print();
    onPrinted?.();
  };
  return (
    <Modal open={open} onClose={onClose} header={{ heading }} width={900}>
      <Modal.Body>
        {notice}
        {html && (
          <iframe
            ref={frame}
            title="Forhåndsvisning"
            data-testid="print-preview"
            sandbox="allow-same-origin allow-modals"
            srcDoc={html}
            style={{ width: '100%', height: '70vh', border: '1px solid #c6c9ce', background: '#fff' }}
          />
        )}
      </Modal.Body>
      <Modal.Footer>
        <Button size="small" onClick={print} disabled={!html}>
          Skriv ut / lagre som PDF
        </Button>
        <Button size="small" variant="secondary" onClick={onClose}>
          Lukk
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
