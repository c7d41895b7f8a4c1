import { DatePicker, useDatepicker } from '@navikt/ds-react';
import { format, parseISO } from 'date-fns';
import { useEffect, useRef } from 'react';

interface Props {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string | undefined;
  description?: string;
}

/** Aksel's Norwegian date picker (dd.mm.åååå typed or picked), speaking IsoDate to the rest of the app. */
export function DateField({ label, value, onChange, error, description }: Props) {
  // The last value the picker itself reported: a different `value` was set from outside (a proposed date, a reset).
  const reported = useRef<string | null>(value);
  const { datepickerProps, inputProps, setSelected } = useDatepicker({
    defaultSelected: value ? parseISO(value) : undefined,
    onDateChange: (d) => {
      const iso = d ? format(d, 'yyyy-MM-dd') : null;
      reported.current = iso;
      onChange(iso);
    },
  });
  useEffect(() => {
    if (value === reported.current) return;
    reported.current = value;
    setSelected(value ? parseISO(value) : undefined);
  }, [value, setSelected]);
  return (
    <DatePicker {...datepickerProps}>
      <DatePicker.Input {...inputProps} label={label} size="small" error={error} description={description} />
    </DatePicker>
  );
}
