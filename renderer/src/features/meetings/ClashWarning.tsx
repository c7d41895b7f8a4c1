import { Alert, Heading } from '@navikt/ds-react';
import type { Control } from 'react-hook-form';
import type { Clash } from '../../../../shared/contract/meetings';
import { TextAreaInput } from '../../forms/fields';
import type { MeetingFormValues } from './meeting-form-model';

/** Who would be double-booked, one line per booking, and the reason needed to save the meeting anyway. */
export function ClashWarning({ clashes, control }: { clashes: Clash[]; control: Control<MeetingFormValues> }) {
  if (clashes.length === 0) return null;
  return (
    <Alert variant="warning" size="small" className="mt-clashes" role="status">
      <Heading level="3" size="xsmall" spacing>
        Overlappende avtaler: noen er allerede opptatt
      </Heading>
      <ul>
        {groupClashes(clashes).map(([booking, people]) => (
          <li key={booking}>
            {booking}: <strong>{people.join(', ')}</strong>
          </li>
        ))}
      </ul>
      <TextAreaInput
        control={control}
        name="conflictReason"
        label="Årsak til dobbeltbooking"
        description="Må fylles ut for å lagre møtet likevel"
        minRows={2}
      />
    </Alert>
  );
}

/** One line per booking that clashes, naming everyone who is in it (coordinator first). */
function groupClashes(clashes: Clash[]): [string, string[]][] {
  const byBooking = new Map<string, string[]>();
  for (const c of clashes) {
    const people = byBooking.get(c.bookingLabel) ?? [];
    if (!people.includes(c.person)) people.push(c.person);
    byBooking.set(c.bookingLabel, people);
  }
  const rank = (p: string) => (p === 'Du (koordinator)' ? 0 : p === 'Pasienten' ? 1 : 2);
  return [...byBooking].map(([b, people]) => [b, people.sort((x, y) => rank(x) - rank(y))]);
}
