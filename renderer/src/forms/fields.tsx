import {
  Checkbox,
  CheckboxGroup,
  RadioGroup,
  Select,
  Textarea,
  TextField,
  type CheckboxGroupProps,
  type CheckboxProps,
  type RadioGroupProps,
  type SelectProps,
  type TextareaProps,
  type TextFieldProps,
} from '@navikt/ds-react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateField } from '../components/DateField';

interface Bound<F extends FieldValues> {
  control: Control<F>;
  name: FieldPath<F>;
}

/** An Aksel text field bound to a form field; its error (schema or server) shows next to it. */
export function TextInput<F extends FieldValues>({ control, name, ...rest }: Bound<F> & Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, fieldState } = useController({ control, name });
  return <TextField size="small" autoComplete="off" {...rest} {...field} value={(field.value as string | undefined) ?? ''} error={fieldState.error?.message} />;
}

export function TextAreaInput<F extends FieldValues>({ control, name, ...rest }: Bound<F> & Omit<TextareaProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, fieldState } = useController({ control, name });
  return <Textarea size="small" {...rest} {...field} value={(field.value as string | undefined) ?? ''} error={fieldState.error?.message} />;
}

export function SelectInput<F extends FieldValues>({
  control,
  name,
  children,
  ...rest
}: Bound<F> & Omit<SelectProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Select size="small" {...rest} {...field} value={(field.value as string | undefined) ?? ''} error={fieldState.error?.message}>
      {children}
    </Select>
  );
}

/** Aksel's date picker bound to a form field holding an ISO date or null. */
export function DateInput<F extends FieldValues>({ control, name, label, description }: Bound<F> & { label: string; description?: string }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <DateField
      label={label}
      description={description}
      value={(field.value as string | null) ?? null}
      onChange={field.onChange}
      error={fieldState.error?.message}
    />
  );
}

/** Aksel checkboxes bound to a form field holding the chosen values (strings). */
export function CheckboxGroupInput<F extends FieldValues>({
  control,
  name,
  children,
  ...rest
}: Bound<F> & Omit<CheckboxGroupProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <CheckboxGroup size="small" {...rest} value={(field.value as string[] | undefined) ?? []} onChange={field.onChange} error={fieldState.error?.message}>
      {children}
    </CheckboxGroup>
  );
}

/** Aksel radio buttons bound to a form field holding the chosen value ('' for none). */
export function RadioGroupInput<F extends FieldValues>({
  control,
  name,
  children,
  ...rest
}: Bound<F> & Omit<RadioGroupProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <RadioGroup size="small" {...rest} value={(field.value as string | undefined) ?? ''} onChange={field.onChange} error={fieldState.error?.message}>
      {children}
    </RadioGroup>
  );
}

/** One Aksel checkbox bound to a boolean form field. */
export function CheckboxInput<F extends FieldValues>({
  control,
  name,
  children,
  ...rest
}: Bound<F> & Omit<CheckboxProps, 'name' | 'value' | 'onChange' | 'checked' | 'error'>) {
  const { field } = useController({ control, name });
  return (
    <Checkbox size="small" {...rest} checked={Boolean(field.value)} onChange={(e) => field.onChange(e.target.checked)}>
      {children}
    </Checkbox>
  );
}

/** The options of a select: each value with its Norwegian label, in the list's order. */
export function Options<V extends string>({ values, labels }: { values: readonly V[]; labels: Readonly<Record<V, string>> }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </>
  );
}
