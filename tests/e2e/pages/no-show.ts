import type { Locator, Page } from '@playwright/test';
import { ReferralForm } from './referral-form';
import { birthDateFromNationalId } from '../../../shared/domain/national-id';

/** A date `offset` days from today as a person types it (dd.mm.åååå, Europe/Oslo). */
export function typedDay(offset = 0): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

export interface PatientValues {
  name: string;
  nationalId: string;
  address: string;
  postalCode: string;
  postalPlace: string;
  gp: string;
  phone?: string;
}

/** Appointments (tab "Timer") and no-show follow-up (tab "Ikke møtt") on the patient page, as a person uses them. */
export class NoShowPages {
  constructor(private readonly page: Page) {}

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Waits until opening animations are over, so what is checked is what a person sees. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  async registerPatient(v: PatientValues): Promise<void> {
    const form = new ReferralForm(this.page);
    await form.open();
    await form.fill({
      name: v.name,
      nationalId: v.nationalId,
      birthDate: (birthDateFromNationalId(v.nationalId) ?? '1985-06-01').split('-').reverse().join('.'),
      pathwayType: 'D11 Psykiske lidelser – voksne',
      received: typedDay(-30),
      municipalityNumber: '0301',
    });
    await form.dialog.getByLabel('Adresse', { exact: true }).fill(v.address);
    await form.dialog.getByLabel('Postnummer').fill(v.postalCode);
    await form.dialog.getByLabel('Poststed').fill(v.postalPlace);
    await form.dialog.getByLabel('Fastlege').fill(v.gp);
    if (v.phone) await form.dialog.getByLabel('Telefon', { exact: true }).fill(v.phone);
    await form.submit();
    await this.page.getByRole('heading', { name: v.name, level: 1 }).waitFor();
  }

  async tab(name: 'Timer' | 'Ikke møtt' | 'Forløp'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async book(v: { date: string; time: string; clinician: string; place: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Ny time (n)' }).click();
    const d = this.dialog('Ny time');
    await d.waitFor();
    await this.settled();
    await d.getByLabel('Dato').fill(v.date);
    await d.getByLabel('Klokkeslett').fill(v.time);
    await d.getByLabel('Behandler').fill(v.clinician);
    await d.getByLabel('Sted', { exact: true }).fill(v.place);
    await d.getByRole('button', { name: 'Lagre time' }).click();
    await d.waitFor({ state: 'hidden' });
  }

  async markAppointment(date: string, time: string, status: 'Møtt' | 'Ikke møtt' | 'Avlyst av pasient' | 'Avlyst av behandler'): Promise<void> {
    await this.page.getByRole('button', { name: `Registrer utfall for timen ${date} kl. ${time}` }).click();
    await this.page.getByRole('menuitem', { name: status, exact: true }).click();
  }

  caseCard(date: string, time: string): Locator {
    return this.page.getByRole('region', { name: `Ikke møtt ${date} kl. ${time}` });
  }

  async recordAttempt(card: Locator, v: { date: string; time: string; channel: string; outcome: string; note?: string }): Promise<void> {
    await card.getByRole('button', { name: 'Registrer kontaktforsøk' }).click();
    const d = this.dialog('Registrer kontaktforsøk');
    await d.waitFor();
    await this.settled();
    await d.getByLabel('Dato').fill(v.date);
    await d.getByLabel('Klokkeslett').fill(v.time);
    await d.getByLabel('Kanal').selectOption({ label: v.channel });
    await d.getByLabel('Utfall').selectOption({ label: v.outcome });
    if (v.note) await d.getByLabel('Notat').fill(v.note);
    await d.getByRole('button', { name: 'Lagre kontaktforsøk' }).click();
    await d.waitFor({ state: 'hidden' });
  }

  /** Opens the letter's print preview; returns the preview dialog. */
  async openLetter(card: Locator, recipient: 'pasienten' | 'henviser/fastlege'): Promise<Locator> {
    await card.getByRole('button', { name: `Brev til ${recipient}` }).click();
    const d = this.dialog(`Brev til ${recipient}`);
    await d.waitFor();
    await this.settled();
    return d;
  }

  /**
   * "Skriv ut / lagre som PDF", then "Ja" to "Ble brevet skrevet ut?" (only that records the letter as sent),
   * then closes the preview. Returns what the preview said after "Ja".
   */
  async printAndClose(preview: Locator): Promise<string> {
    await preview.getByRole('button', { name: 'Skriv ut / lagre som PDF' }).click();
    await preview.getByText('Ble brevet skrevet ut?').waitFor();
    await preview.getByRole('button', { name: 'Ja', exact: true }).click();
    const said = (await preview.getByRole('status').textContent()) ?? '';
    // The footer's "Lukk" (the header's close icon has the same name).
    await preview.getByRole('button', { name: 'Lukk' }).last().click();
    await preview.waitFor({ state: 'hidden' });
    return said;
  }

  async close(card: Locator, outcome: string): Promise<Locator> {
    await card.getByRole('button', { name: 'Avslutt saken' }).click();
    const d = this.dialog('Avslutt saken');
    await d.waitFor();
    await this.settled();
    await d.getByRole('radio', { name: outcome }).check();
    await d.getByRole('button', { name: 'Avslutt saken' }).click();
    return d;
  }
}
