import type { Locator, Page } from '@playwright/test';

/** A date `offset` days from today as a person types it (dd.mm.åååå, Europe/Oslo). */
export function typedDate(offset = 0): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

/** The patient page's "Individuell plan" tab, as a person sees it. */
export class PlanPage {
  constructor(private readonly page: Page) {}

  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Individuell plan' }).click();
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  section(heading: string): Locator {
    return this.page.getByRole('region', { name: heading });
  }

  /** Waits until the dialog's opening animation is over, so what is checked is what a person sees. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  /** `coordinator` is picked from the contact directory when `fromDirectory`, else typed with its organisation. */
  async create(v: {
    to: string;
    revision: string;
    coordinator: string;
    organisation?: string;
    fromDirectory?: boolean;
    patientContribution: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Opprett individuell plan' }).click();
    const d = this.dialog('Opprett individuell plan');
    await d.getByLabel('Planperiode til').fill(v.to);
    await d.getByLabel('Revisjonsdato').fill(v.revision);
    if (v.fromDirectory) {
      const picker = d.getByLabel('Velg fra kontaktlisten');
      const label = (await picker.locator('option').allTextContents()).find((o) => o.includes(v.coordinator));
      if (!label) throw new Error('coordinator not in the directory');
      await picker.selectOption({ label });
    } else {
      await d.getByLabel('Koordinatorens navn').fill(v.coordinator);
      await d.getByLabel('Virksomhet').fill(v.organisation ?? '');
    }
    await d.getByLabel('Hva pasienten bidrar med').fill(v.patientContribution);
    await d.getByRole('button', { name: 'Opprett plan' }).click();
    await d.waitFor({ state: 'detached' });
  }

  async addParticipant(name: string, role: string, organisation: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Ny deltaker' }).click();
    const d = this.dialog('Ny deltaker');
    await d.getByLabel('Navn').fill(name);
    await d.getByLabel('Rolle').fill(role);
    await d.getByLabel('Virksomhet').fill(organisation);
    await d.getByRole('button', { name: 'Lagre deltaker' }).click();
    await d.waitFor({ state: 'detached' });
  }

  async addGoal(text: string, targetDate: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Nytt mål' }).click();
    const d = this.dialog('Nytt mål');
    await d.getByLabel('Målet').fill(text);
    await d.getByLabel('Måldato').fill(targetDate);
    await d.getByRole('button', { name: 'Lagre mål' }).click();
    await d.waitFor({ state: 'detached' });
  }

  async addMeasure(v: { what: string; scope: string; responsible: string; start?: string; due?: string; how: string; goal?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Nytt tiltak' }).click();
    const d = this.dialog('Nytt tiltak');
    await d.getByLabel('Tiltak', { exact: true }).fill(v.what);
    await d.getByLabel('Omfang').fill(v.scope);
    await d.getByLabel('Ansvarlig').fill(v.responsible);
    if (v.start) await d.getByLabel('Start').fill(v.start);
    if (v.due) await d.getByLabel('Frist').fill(v.due);
    await d.getByLabel('Hvordan tiltaket gjennomføres').fill(v.how);
    if (v.goal) await d.getByLabel('Knyttet til mål').selectOption({ label: v.goal });
    await d.getByRole('button', { name: 'Lagre tiltak' }).click();
    await d.waitFor({ state: 'detached' });
  }

  async recordConsent(givenBy: string, covering: string[]): Promise<void> {
    await this.page.getByRole('button', { name: 'Registrer samtykke' }).click();
    const d = this.dialog('Samtykke');
    await d.getByLabel('Samtykke gitt').fill(typedDate(0));
    await d.getByLabel('Gitt av').fill(givenBy);
    for (const name of covering) await d.getByRole('checkbox', { name: new RegExp(name) }).check();
    await d.getByRole('button', { name: 'Lagre samtykke' }).click();
    await d.waitFor({ state: 'detached' });
  }

  printButton(): Locator {
    return this.page.getByRole('button', { name: 'Skriv ut / PDF' });
  }
}
