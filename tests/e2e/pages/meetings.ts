import type { Locator, Page } from '@playwright/test';

/** Wednesday of next week as a person types it (dd.mm.åååå), and the same day as yyyy-MM-dd. */
export function wednesdayNextWeek(now = new Date()): { typed: string; iso: string } {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const toMonday = (8 - d.getDay()) % 7 || 7;
  d.setDate(d.getDate() + toMonday + 2);
  const dd = String(d.getDate()).padStart(2, '0');
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  return { typed: `${dd}.${mm}.${d.getFullYear()}`, iso: `${d.getFullYear()}-${mm}-${dd}` };
}

/** The "Nytt samarbeidsmøte" dialog, as a person sees it. */
export class MeetingForm {
  readonly dialog: Locator;
  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Nytt samarbeidsmøte' });
  }

  async waitOpen(): Promise<void> {
    await this.dialog.waitFor();
    await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  async fill(v: { kind?: string; date: string; time: string; duration?: string; place: string }): Promise<void> {
    const d = this.dialog;
    if (v.kind) await d.getByLabel('Type møte').selectOption({ label: v.kind });
    await d.getByLabel('Dato', { exact: true }).fill(v.date);
    await d.getByLabel('Starttid (tt:mm)', { exact: true }).fill(v.time);
    if (v.duration) await d.getByLabel('Varighet').selectOption({ label: v.duration });
    await d.getByLabel('Sted', { exact: true }).fill(v.place);
  }

  /** Adds a suggested participant (the patient's municipality's contacts, the GP, earlier participants). */
  async addSuggestion(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name: new RegExp(`^Legg til ${name}`) }).click();
  }

  participants(): Locator {
    return this.dialog.getByRole('table', { name: 'Deltakere i møtet' });
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Lagre møtet' }).click();
  }
}
