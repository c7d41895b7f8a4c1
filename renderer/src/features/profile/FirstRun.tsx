import { BodyLong, Heading } from '@navikt/ds-react';
import { ProfileForm } from './ProfileForm';

export function FirstRun({ onDone }: { onDone: () => void }) {
  return (
    <main className="empty" style={{ textAlign: 'left' }}>
      <Heading level="1" size="medium" spacing>
        Velkommen til Forløpsbenk
      </Heading>
      <BodyLong spacing>
        Før du begynner: hvem er du, og hvilken enhet jobber du i? Dette brukes i brevhodet på brev, dagsordener og planer, og i loggen
        over hvem som har gjort hva.
      </BodyLong>
      <ProfileForm initial={null} onSaved={onDone} submitLabel="Kom i gang" />
    </main>
  );
}
