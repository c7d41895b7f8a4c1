import { BodyLong, Heading } from '@navikt/ds-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { SetPinForm } from '../trust/SetPinForm';
import { ProfileForm } from './ProfileForm';

export function FirstRun({ onDone }: { onDone: () => void }) {
  // Second step of the first start: the PIN that unlocks the window after idle time (trust, issue #7).
  const [step, setStep] = useState<'profile' | 'pin'>('profile');
  const profileSaved = async () => {
    const lock = await call('lock.status', {});
    if (lock.ok && lock.value.pinSet) onDone();
    else setStep('pin');
  };
  if (step === 'pin') {
    return (
      <main className="empty" style={{ textAlign: 'left' }}>
        <Heading level="1" size="medium" spacing>
          Velg PIN-kode
        </Heading>
        <BodyLong spacing>
          Vinduet låses når det ikke har vært brukt på en stund (du kan endre tiden under Innstillinger). Da skjules alle pasientopplysninger til PIN-koden er
          skrevet inn.
        </BodyLong>
        <SetPinForm onDone={onDone} submitLabel="Lagre PIN-kode" />
      </main>
    );
  }
  return (
    <main className="empty" style={{ textAlign: 'left' }}>
      <Heading level="1" size="medium" spacing>
        Velkommen til Forløpsbenk
      </Heading>
      <BodyLong spacing>
        Før du begynner: hvem er du, og hvilken enhet jobber du i? Dette brukes i brevhodet på brev, dagsordener og planer, og i loggen over hvem som har gjort
        hva.
      </BodyLong>
      <ProfileForm initial={null} onSaved={() => void profileSaved()} submitLabel="Kom i gang" />
    </main>
  );
}
