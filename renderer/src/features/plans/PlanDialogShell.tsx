import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { FormDialog } from '../../components/FormDialog';
import type { ContractForm } from '../../forms/useContractForm';

/** The plan's dialogs are the one form dialog, with the plan's field layout inside. */
export function DialogShell<F extends FieldValues>(props: {
  form: ContractForm<F>;
  open: boolean;
  onClose: () => void;
  heading: string;
  submitLabel: string;
  width?: 'small' | 'medium' | number;
  children: ReactNode;
}) {
  const { children, width = 640, ...rest } = props;
  return (
    <FormDialog {...rest} label={rest.heading} width={width}>
      <div className="plan-form">{children}</div>
    </FormDialog>
  );
}
