import { Alert, BodyShort, Button, Modal } from '@navikt/ds-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  open: boolean;
  onClose: () => void;
  /** A complete document from shared/print/document.ts. */
  html: string | null;
  heading: string;
  /**
   * Given for documents that count as sent when printed (letters). The browser cannot tell a cancelled print
   * dialog from a finished one, so after the dialog closes the person is asked "Ble brevet skrevet ut?"; only
   * "Ja" calls this. It may return a warning to show (e.g. a letter not counted as sent).
   */
  onPrinted?: () => Promise<string | null | void> | void;
  /** Shown above the preview, e.g. warnings about missing values to check before printing. */
  notice?: ReactNode;
}

type Step = 'preview' | 'ask' | 'done';

/**
 * The one way to print: a preview of the exact document, then the system print dialog
 * (which also saves as PDF). The frame runs no scripts; it only shows the document.
 */
export function PrintPreview({ open, onClose, html, heading, onPrinted, notice }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>('preview');
  const [result, setResult] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setStep('preview');
      setResult(null);
    }
  }, [open, html]);
  useEffect(() => {
    if (step === 'ask') yes.current?.focus();
  }, [step]);

  const print = () => {
    frame.current?.contentWindow?.print();
    if (onPrinted) setStep('ask');
  };
  const confirmed = async () => {
    const warning = await onPrinted?.();
    setResult(warning || null);
    setStep('done');
  };
  return (
    <Modal open={open} onClose={onClose} header={{ heading }} width={900}>
      <Modal.Body>
        {notice}
        {step === 'ask' && (
          <Alert variant="info" size="small" style={{ marginBottom: 8 }}>
            <BodyShort size="small" weight="semibold" id="print-ask">
              Ble brevet skrevet ut?
            </BodyShort>
            <BodyShort size="small" spacing>
              Svar «Ja» bare hvis arket kom ut av skriveren (eller PDF-en ble lagret). Da regnes brevet som sendt.
            </BodyShort>
            <div className="toolbar" role="group" aria-labelledby="print-ask">
              <Button ref={yes} size="small" onClick={() => void confirmed()}>
                Ja
              </Button>
              <Button size="small" variant="secondary" onClick={() => setStep('preview')}>
                Nei
              </Button>
            </div>
          </Alert>
        )}
        {step === 'done' && (
          <Alert variant={result ? 'warning' : 'success'} size="small" role="status" style={{ marginBottom: 8 }}>
            {result ?? 'Registrert som skrevet ut og sendt.'}
          </Alert>
        )}
        {html && (
          <iframe
            ref={frame}
            title="Forhåndsvisning"
            data-testid="print-preview"
            sandbox="allow-same-origin allow-modals"
            srcDoc={html}
            style={{ width: '100%', height: step === 'preview' ? '70vh' : '55vh', border: '1px solid #c6c9ce', background: '#fff' }}
          />
        )}
      </Modal.Body>
      <Modal.Footer>
        <Button size="small" onClick={print} disabled={!html || step === 'ask'}>
          Skriv ut / lagre som PDF
        </Button>
        <Button size="small" variant="secondary" onClick={onClose}>
          Lukk
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
