import { DatePicker, useDatepicker } from '@navikt/ds-react';
import { format, parseISO } from 'date-fns';

interface Props {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string | undefined;
  description?: string;
}

/** Aksel's Norwegian date picker (dd.mm.åååå typed or picked), speaking IsoDate to the rest of the app. */
export function DateField({ label, value, onChange, error, description }: Props) {
  const { datepickerProps, inputProps } = useDatepicker({
    defaultSelected: value ? parseISO(value) : undefined,
    onDateChange: (d) => onChange(d ? format(d, 'yyyy-MM-dd') : null),
  });
  return (
    <DatePicker {...datepickerProps}>
      <DatePicker.Input {...inputProps} label={label} size="small" error={error} description={description} />
    </DatePicker>
  );
}
