import { DatePicker, useDatepicker } from '@navikt/ds-react';
import { format, parseISO } from 'date-fns';

/** A date picker for a table cell: the label is for screen readers only (the column header shows it). */
export function InlineDateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string | undefined;
}) {
  const { datepickerProps, inputProps } = useDatepicker({
    defaultSelected: value ? parseISO(value) : undefined,
    onDateChange: (d) => onChange(d ? format(d, 'yyyy-MM-dd') : null),
  });
  return (
    <DatePicker {...datepickerProps}>
      <DatePicker.Input {...inputProps} label={label} hideLabel size="small" error={error} />
    </DatePicker>
  );
}
