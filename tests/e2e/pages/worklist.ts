import type { Locator, Page } from '@playwright/test';
import type { AppServer } from '../fixtures';
import { birthDateFromNationalId } from '../../../shared/domain/national-id';
import { rpc as requestRpc } from './trust';

/** A date `offset` days from today, as the app shows it and a person types it (dd.MM.yyyy, Europe/Oslo). */
export function shownDay(offset = 0): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

export function isoDay(offset = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));
}

/** Where screenshots and printed PDFs go (test-results/… by default; SCREENS_DIR/PRINT_DIR override it). */
export const screen = (name: string) => `${process.env.SCREENS_DIR ?? 'test-results/screens'}/${name}.png`;
export const printed = (name: string) => `${process.env.PRINT_DIR ?? 'test-results/print'}/${name}.pdf`;

/** Calls the contract directly, for test setup only (the same /rpc the app uses, with the run's token). */
export function rpc(page: Page, app: AppServer, method: string, input: unknown): Promise<unknown> {
  return requestRpc(page.request, app, method, input);
}

export function referralInput(name: string, nationalId: string, receivedOffset: number, pathwayType = 'adult_mental') {
  return {
    patient: {
      name,
      nationalId,
      birthDate: birthDateFromNationalId(nationalId) ?? '1985-06-01',
      phone: '',
      address: '',
      postalCode: '',
      postalPlace: '',
      municipalityNumber: '0301',
      gpName: '',
    },
    pathway: { pathwayType, setting: 'outpatient', referralReceived: isoDay(receivedOffset), referralAssessed: null },
  };
}

/** The worklist, its side panel and the event dialogs, as a person uses them. */
/** A patient referred ten days ago with a first attendance `daysAgo` days ago at 10:00 that they did not come to. */
export async function patientWithNoShow(page: Page, app: AppServer, name: string, nationalId: string, daysAgo: number): Promise<{ patientId: number }> {
  const { patientId } = (await rpc(page, app, 'referrals.create', referralInput(name, nationalId, -10))) as { patientId: number };
  const booked = (await rpc(page, app, 'appointments.book', {
    patientId,
    kind: 'first_attendance',
    date: isoDay(-daysAgo),
    time: '10:00',
    durationMinutes: 45,
    place: 'Poliklinikken',
    clinician: 'Psykolog Berg',
  })) as { id: number };
  await rpc(page, app, 'appointments.setStatus', { id: booked.id, status: 'no_show' });
  return { patientId };
}

export class WorklistPage {
  readonly grid: Locator;
  readonly panel: Locator;
  constructor(private readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Arbeidsliste' });
    this.panel = page.getByTestId('explanation-panel');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('button', { name: /^Arbeidsliste/ }).click();
    await this.grid.waitFor();
  }

  row(name: string | RegExp): Locator {
    return this.grid.getByRole('row', { name });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  /** Focuses the list and selects the row with `name` using only the keyboard. */
  async selectWithKeyboard(name: string): Promise<void> {
    await this.grid.focus();
    await this.page.keyboard.press('Home');
    for (let i = 0; i < 50; i++) {
      if ((await this.row(name).getAttribute('aria-selected')) === 'true') return;
      await this.page.keyboard.press('j');
    }
    throw new Error(`row not found: ${name}`);
  }
}
