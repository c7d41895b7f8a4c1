import { Button, Modal } from '@navikt/ds-react';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { focusFirstError, useFocusFirstField } from '../forms/focus';
import type { ContractForm } from '../forms/useContractForm';
import { FormError } from './FormError';
import { confirmDiscard, useUnsaved } from '../forms/unsaved';

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

export interface FormModalProps extends ModalProps {
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  saving: boolean;
  formError: string | null | undefined;
  /** Field errors of the last refused save: when they change, the first wrong field gets focus. */
  errors?: unknown;
  /** Whether the form holds unsaved changes: closing then asks first, and so does leaving the screen. */
  dirty?: boolean | (() => boolean);
}

/**
 * The one form dialog (Aksel Modal): focuses its first field when it opens, shows every error at once (each next
 * to its field, the rest above the form), and after a refused save focuses the first wrong field.
 * Use <FormDialog> with a useContractForm form; FormModal is the same dialog for a form that keeps its own state.
 */
export function FormModal({ open, heading, subheading, submitLabel, submitVariant = 'primary', onClose, width = 'medium', label, children, onSubmit, saving, formError, errors, dirty }: FormModalProps) {
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref, open);
  useEffect(() => focusFirstError(ref), [errors, formError]);
  // A form keeping its own state (no `dirty`): what its fields held when it opened, to compare with at closing.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!open) return void (opened.current = null);
    const id = requestAnimationFrame(() => (opened.current = fieldSnapshot(ref.current)));
    return () => cancelAnimationFrame(id);
  }, [open]);
  const unsaved = () => {
    if (!open) return false;
    if (dirty !== undefined) return typeof dirty === 'function' ? dirty() : dirty;
    return opened.current !== null && fieldSnapshot(ref.current) !== opened.current;
  };
  useUnsaved(unsaved);
  // Esc, the close button and Avbryt: ask before throwing away what was typed. Esc in a text area only leaves it.
  const mayClose = () => {
    const active = document.activeElement;
    if (active instanceof HTMLTextAreaElement && ref.current?.contains(active)) {
      active.blur();
      return false;
    }
    return !unsaved() || confirmDiscard();
  };
  const cancel = () => {
    if (mayClose()) onClose();
  };
  return (
    <Modal open={open} onClose={onClose} onBeforeClose={mayClose} header={subheading ? { heading, label: subheading } : { heading }} width={width}>
      <form ref={ref} onSubmit={onSubmit} noValidate aria-label={label}>
        <Modal.Body>
          <FormError message={formError} />
          {children}
        </Modal.Body>
        <Modal.Footer>
          <Button type="submit" size="small" variant={submitVariant} loading={saving}>
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

/** The values of a form's fields in screen order (to tell whether anything was typed since it opened). */
function fieldSnapshot(form: HTMLFormElement | null): string {
  if (!form) return '';
  const fields = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select');
  return JSON.stringify(Array.from(fields, (f) => (f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio') ? f.checked : f.value)));
}

/** FormModal for a useContractForm form (react-hook-form over the contract's own schema). */
export function FormDialog<F extends FieldValues>({ form, ...props }: ModalProps & { form: ContractForm<F> }) {
  // submitCount moves when a submit has finished (refused or not): then the first wrong field, if any, gets focus.
  return <FormModal {...props} onSubmit={form.onSubmit} saving={form.saving} formError={form.formError} errors={form.formState.submitCount} dirty={form.hasChanges} />;
}
