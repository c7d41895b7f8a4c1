/** Maps SQLite failures to what the user is told. Nothing was saved in any of these cases (the transaction rolled back). */
export function storageErrorMessage(e: unknown): { sqliteCode: string; message: string } | null {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (!code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_FULL')) {
    return { sqliteCode: code, message: 'Disken er full. Ingenting ble lagret. Frigjør plass og prøv igjen.' };
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return { sqliteCode: code, message: 'Databasen kan bare leses (skrivebeskyttet). Ingenting ble lagret.' };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { sqliteCode: code, message: 'Databasen er i bruk av et annet program. Ingenting ble lagret. Prøv igjen om litt.' };
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return { sqliteCode: code, message: 'Endringen kom i konflikt med data som allerede finnes. Ingenting ble lagret.' };
  }
  return { sqliteCode: code, message: 'Databasen svarte med en feil. Ingenting ble lagret.' };
}
