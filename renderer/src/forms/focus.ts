import { useEffect, type RefObject } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { ContractForm } from './useContractForm';

const FIELDS = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Focuses the form's first field when `active` turns true (a dialog opening). */
export function useFocusFirstField(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const id = requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>(FIELDS)?.focus());
    return () => cancelAnimationFrame(id);
  }, [ref, active]);
}

/** Focuses the first wrong field in screen order, on the next frame (after the errors are drawn). */
export function focusFirstError(ref: RefObject<HTMLElement | null>): () => void {
  const id = requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  return () => cancelAnimationFrame(id);
}

/** After a refused save (by the schema or the server), focuses the first wrong field in screen order. */
export function useFocusFirstError<F extends FieldValues>(ref: RefObject<HTMLElement | null>, form: ContractForm<F>): void {
  const { submitCount, isSubmitting } = form.formState;
  useEffect(() => {
    if (submitCount === 0 || isSubmitting) return;
    return focusFirstError(ref);
  }, [ref, submitCount, isSubmitting, form.formError]);
}
