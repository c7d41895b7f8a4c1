import type { Locator, Page } from '@playwright/test';

export interface ReferralValues {
  name: string;
  nationalId: string;
  birthDate: string; // dd.mm.åååå as a person types it
  pathwayType: string; // option label
  received: string; // dd.mm.åååå
  municipalityNumber?: string;
}

/** The "Ny henvisning" dialog, as a person sees it. */
export class ReferralForm {
  readonly dialog: Locator;
  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Ny henvisning' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('n');
    await this.dialog.waitFor();
    // Let the opening animation finish so what is checked is what a person sees.
    await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  async fill(v: ReferralValues): Promise<void> {
    const d = this.dialog;
    await d.getByLabel('Navn', { exact: true }).fill(v.name);
    await d.getByLabel('Fødselsnummer / D-nummer').fill(v.nationalId);
    await d.getByLabel('Fødselsdato').fill(v.birthDate);
    await d.getByLabel('Forløpstype').selectOption({ label: v.pathwayType });
    const received = d.getByLabel('Henvisning mottatt');
    await received.fill(v.received);
    if (v.municipalityNumber) await d.getByLabel('Kommunenummer').fill(v.municipalityNumber);
  }

  /** Opens the dialog and registers an adult D11 referral for `name` (born 01.06.1985, a synthetic number), received on `received`. */
  async register(name: string, received: string): Promise<void> {
    await this.open();
    await this.fill({ name, nationalId: '01868512381', birthDate: '01.06.1985', pathwayType: 'D11 Psykiske lidelser – voksne', received });
    await this.submit();
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Registrer henvisning' }).click();
  }

  /** The field itself: its error is asserted through its accessible description (Aksel links them). */
  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }
}
