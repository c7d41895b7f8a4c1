import { Button, Modal } from '@navikt/ds-react';
import { useEffect, useRef, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { focusFirstError, useFocusFirstField } from '../forms/focus';
import type { ContractForm } from '../forms/useContractForm';
import { FormError } from './FormError';
import { askDiscard, useUnsaved } from '../forms/unsaved';

interface ModalProps {
  open: boolean;
  heading: string;
  /** Small text over the heading: whom the form is about (never a national id). */
  subheading?: string | undefined;
  submitLabel: string;
  /** 'danger' for a submit that cannot simply be undone (e.g. sending a case to the clinician). */
  submitVariant?: 'primary' | 'danger';
  onClose: () => void;
  width?: 'small' | 'medium' | number;
  /** The form's accessible name, when it needs one besides the dialog's (not when a field has the heading as label). */
  label?: string;
  children: ReactNode;
}

/**
 * The one form dialog (Aksel Modal) for a useContractForm form (react-hook-form over the contract's own schema):
 * focuses its first field when it opens, shows every error at once (each next to its field, the rest above the
 * form), and after a refused save focuses the first wrong field. Closing with unsaved changes asks first, and so
 * does leaving the screen.
 */
export function FormDialog<F extends FieldValues>({
  form,
  open,
  heading,
  subheading,
  submitLabel,
  submitVariant = 'primary',
  onClose,
  width = 'medium',
  label,
  children,
}: ModalProps & { form: ContractForm<F> }) {
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref, open);
  // submitCount moves when a submit has finished (refused or not): then the first wrong field, if any, gets focus.
  const { submitCount } = form.formState;
  useEffect(() => focusFirstError(ref), [submitCount, form.formError]);
  const unsaved = () => open && form.hasChanges();
  useUnsaved(unsaved);
  // Esc, the close button and Avbryt: ask before throwing away what was typed. Esc in a text area only leaves it.
  const mayClose = () => {
    const active = document.activeElement;
    if (active instanceof HTMLTextAreaElement && ref.current?.contains(active)) {
      active.blur();
      return false;
    }
    if (!unsaved()) return true;
    // The in-app question; the dialog stays until the person chose "Forkast".
    void askDiscard().then((discard) => discard && onClose());
    return false;
  };
  const cancel = () => {
    if (mayClose()) onClose();
  };
  return (
    <Modal open={open} onClose={onClose} onBeforeClose={mayClose} header={subheading ? { heading, label: subheading } : { heading }} width={width}>
      <form ref={ref} onSubmit={form.onSubmit} noValidate aria-label={label}>
        <Modal.Body>
          <FormError message={form.formError} />
          {children}
        </Modal.Body>
        <Modal.Footer>
          <Button type="submit" size="small" variant={submitVariant} loading={form.saving}>
            {submitLabel}
          </Button>
          <Button type="button" size="small" variant="secondary" onClick={cancel}>
            Avbryt
          </Button>
        </Modal.Footer>
      </form>
    </Modal>
  );
}
