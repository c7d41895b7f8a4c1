import { isConnectionLoss } from './db/pg-live';

/** What a person reads when a call fails because the team store's server is away. */
export const STORE_UNREACHABLE_MESSAGE =
  'Ingen forbindelse med teamlageret. Ingenting ble lagret, men det du skrev er beholdt. Forløpsbenk kobler til igjen av seg selv – prøv igjen når statuslinjen sier at forbindelsen er tilbake.';

/** The team store refused a statement to this person's database role (PostgreSQL grants). */
export const STORE_DENIED_MESSAGE = 'Rollen din på teamlageret gir ikke lov til denne endringen. Ingenting ble lagret. Spør den som gir tilganger i enheten.';

export function storeDenied(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === '42501';
}

/** True when a failure means the team store's server could not be reached. */
export function storeUnreachable(e: unknown): boolean {
  return isConnectionLoss(e);
}

/** Maps SQLite failures to what the user is told. Nothing was saved in any of these cases (the transaction rolled back). */
export function storageErrorMessage(e: unknown): { sqliteCode: string; message: string } | null {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (!code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL')) {
    return { sqliteCode: code, message: 'Disken er full. Ingenting ble lagret. Frigjør plass og prøv igjen.' };
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return {
      sqliteCode: code,
      message: 'Databasen kan bare leses (skrivebeskyttet). Ingenting ble lagret. Er den skadet, gjenopprett den nyeste sikkerhetskopien.',
    };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { sqliteCode: code, message: 'Databasen er i bruk av et annet program. Ingenting ble lagret. Prøv igjen om litt.' };
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return { sqliteCode: code, message: 'Endringen kom i konflikt med data som allerede finnes. Ingenting ble lagret.' };
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return { sqliteCode: code, message: 'Databasefilen er skadet. Ingenting ble lagret. Gjenopprett den nyeste sikkerhetskopien under Sikkerhetskopier.' };
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return {
      sqliteCode: code,
      message: 'Databasefilen kunne ikke åpnes (mangler tilgang, eller mappen er flyttet). Ingenting ble lagret. Sjekk datamappen og start på nytt.',
    };
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return { sqliteCode: code, message: 'Disken svarte med en lese- eller skrivefeil. Ingenting ble lagret. Sjekk disken og prøv igjen.' };
  }
  return { sqliteCode: code, message: 'Databasen svarte med en feil. Ingenting ble lagret.' };
}

/**
 * What a person reads when the app cannot start: our own errors carry Norwegian text; a raw SQLite or
 * system error (English) is never shown as is.
 */
export function startupErrorMessage(e: unknown): string {
  const own = new Set([
    'NewerDatabaseError',
    'StoreNeedsRestoreError',
    'InstanceLockedError',
    'DatabaseKeyError',
    'KeyError',
    'StoreConfigError',
    'TeamMoveError',
  ]);
  if (e instanceof Error && own.has(e.name)) return e.message;
  if (storeUnreachable(e)) return 'Får ikke kontakt med teamlageret (databaseserveren). Sjekk nettverket, eller spør IT om serveren er oppe, og start på nytt.';
  const pgCode = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (pgCode === '28P01' || pgCode === '28000')
    return 'Teamlageret avviste påloggingen (brukernavn, passord eller tilgang). Sjekk Innstillinger → Lager for data, eller spør IT.';
  if (pgCode === '3D000') return 'Databasen for teamlageret finnes ikke på serveren. Sjekk databasenavnet, eller spør IT.';
  const storage = storageErrorMessage(e);
  if (storage) return storage.message.replace('Ingenting ble lagret. ', '');
  if (e instanceof Error && /^Denne databasen|^Sikkerhetskopien/.test(e.message)) return e.message; // Norwegian already
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'EACCES' || code === 'EPERM') return 'Forløpsbenk har ikke tilgang til datamappen. Sjekk rettighetene og prøv igjen.';
  if (code === 'ENOSPC') return 'Disken er full. Frigjør plass og prøv igjen.';
  return 'Forløpsbenk kunne ikke starte på grunn av en uventet feil. Ingenting ble endret. Prøv igjen, eller kontakt den som drifter maskinen.';
}
