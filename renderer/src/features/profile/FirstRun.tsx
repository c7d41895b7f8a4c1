import { BodyLong, Heading } from '@navikt/ds-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { SetPinForm } from '../trust/SetPinForm';
import { MyProfileForm } from './MyProfileForm';
import { ProfileForm } from './ProfileForm';

/**
 * The first start. A store with no letterhead yet (a new local store): the person's name and the unit together.
 * A store whose unit is set up (the team store, where IT set it up, or colleagues already work): only this person's
 * own name. Then the PIN that unlocks the window after idle time, unless this login has one.
 */
export function FirstRun({ onDone }: { onDone: () => void }) {
  const profile = useContractQuery('profile.get', {});
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
  if (!profile.data) return null;
  const { unit, unitEditable } = profile.data;
  if (unit || !unitEditable) {
    return (
      <main className="empty" style={{ textAlign: 'left' }}>
        <Heading level="1" size="medium" spacing>
          Velkommen til Forløpsbenk
        </Heading>
        <BodyLong spacing>
          {unit ? `Du jobber i ${unit.unitName}. ` : ''}Hva heter du? Navnet ditt står på brev og dagsordener du skriver ut, i «Utført av» når du registrerer
          kontaktforsøk, og i loggen over hvem som har gjort hva. Kollegene dine ser det i arbeidslisten.
        </BodyLong>
        <MyProfileForm initial={null} onSaved={() => void profileSaved()} submitLabel="Kom i gang" />
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
      <ProfileForm onSaved={() => void profileSaved()} submitLabel="Kom i gang" />
    </main>
  );
}
