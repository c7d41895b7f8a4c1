import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { AppServer } from '../fixtures';

/** Calls the contract the way the renderer does (for setting up data quickly). */
export async function rpc<T = unknown>(request: APIRequestContext, app: AppServer, method: string, input: unknown): Promise<T> {
  const res = await request.post(`${app.origin}/rpc`, { data: { method, input }, headers: { Authorization: `Bearer ${app.token}` } });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

/** Today in Oslo as dd.mm.åååå (what a person types) and as yyyy-MM-dd. */
export function today(): { typed: string; iso: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = iso.split('-');
  return { typed: `${d}.${m}.${y}`, iso };
}

/** Innstillinger, scrolled to one section. */
export async function openSettings(page: Page, section: string): Promise<void> {
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  const heading = page.getByRole('heading', { name: section, exact: true });
  await heading.scrollIntoViewIfNeeded();
  await expect(heading).toBeVisible();
}

/** Opens a patient from the worklist by (part of) the visible name. */
export async function openPatient(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Arbeidsliste' }).click();
  await page.getByRole('grid', { name: 'Arbeidsliste' }).getByRole('row', { name }).dblclick();
}
