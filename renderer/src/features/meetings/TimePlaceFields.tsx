import type { Control } from 'react-hook-form';
import { MEETING_KIND_LABELS, MEETING_KINDS } from '../../../../shared/domain/meetings';
import { DateInput, SelectInput, TextInput } from '../../forms/fields';
import type { MeetingFormValues } from './meeting-form-model';

const DURATIONS = [30, 45, 60, 90, 120, 180];

/** The form's kind, date, start time, duration, place and video link. */
export function TimePlaceFields({ control, duration }: { control: Control<MeetingFormValues>; duration: number }) {
  return (
    <fieldset className="plain">
      <legend className="mt-legend">Tid og sted</legend>
      <div className="mt-form-grid">
        <SelectInput control={control} name="kind" label="Type møte">
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {MEETING_KIND_LABELS[k]}
            </option>
          ))}
        </SelectInput>
        <DateInput control={control} name="date" label="Dato" />
        <TextInput control={control} name="time" label="Starttid (tt:mm)" htmlSize={6} />
        <SelectInput control={control} name="durationMinutes" label="Varighet">
          {(DURATIONS.includes(duration) ? DURATIONS : [...DURATIONS, duration].sort((a, b) => a - b)).map((d) => (
            <option key={d} value={d}>
              {d < 60 ? `${d} min` : `${Math.floor(d / 60)} t${d % 60 ? ` ${d % 60} min` : ''}`}
            </option>
          ))}
        </SelectInput>
        <TextInput control={control} name="place" className="mt-span-2" label="Sted" description="Rom og adresse" />
        <TextInput control={control} name="videoUrl" className="mt-span-2" label="Videolenke" description="Valgfri, https://…" />
      </div>
    </fieldset>
  );
}
