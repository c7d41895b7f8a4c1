// oxlint-disable-next-line import/default -- the package's index.d.ts says `export =`, imported as default (esModuleInterop)
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { writeSecureFile } from '../secure-fs';
import { openKeyed } from './open';

/**
 * Each backup has a manifest beside it (`<backup>.manifest.json`): what the file was when it was taken.
 * Restore checks the file against it, so an altered byte, a swapped file or a truncated copy is refused
 * with the reason — not restored and put live.
 */
export const MANIFEST_SUFFIX = '.manifest.json';

export interface ContentFacts {
  /** Name of the newest applied migration. */
  schemaVersion: string | null;
  rowCounts: Record<string, number>;
  /** Last audit entry (id and stored hash), read with plain SQL. */
  auditHead: { id: number; hash: string } | null;
}

export interface BackupManifest extends ContentFacts {
  version: 1;
  file: string;
  sha256: string;
  sizeBytes: number;
  takenAt: string;
  reason: string;
}

export function sha256File(file: string): { sha256: string; sizeBytes: number } {
  const bytes = readFileSync(file);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length };
}

export function contentFacts(sqlite: BetterSqlite3.Database): ContentFacts {
  const tables = (
    sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]
  ).map((t) => t.name);
  const rowCounts = Object.fromEntries(
    tables.map((t) => [t, (sqlite.prepare(`select count(*) as n from "${t.replaceAll('"', '""')}"`).get() as { n: number }).n]),
  );
  const schemaVersion = tables.includes('kysely_migration')
    ? ((sqlite.prepare('select max(name) as v from kysely_migration').get() as { v: string | null }).v ?? null)
    : null;
  const head = tables.includes('audit_log')
    ? (sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string } | undefined)
    : undefined;
  return { schemaVersion, rowCounts, auditHead: head ? { id: head.id, hash: head.hash } : null };
}

/** `asFile`: the name the file will have (a backup is checked under a temporary name, then renamed). */
export function writeManifest(file: string, key: Buffer, now: Date, reason: string, asFile: string = file): BackupManifest {
  const db = openKeyed(file, key, { readonly: true });
  let facts: ContentFacts;
  try {
    facts = contentFacts(db);
  } finally {
    db.close();
  }
  const manifest: BackupManifest = { version: 1, file: basename(asFile), ...sha256File(file), ...facts, takenAt: now.toISOString(), reason };
  writeSecureFile(`${asFile}${MANIFEST_SUFFIX}`, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(file: string): BackupManifest | null {
  try {
    const m = JSON.parse(readFileSync(`${file}${MANIFEST_SUFFIX}`, 'utf8')) as BackupManifest;
    if (m.version !== 1 || typeof m.sha256 !== 'string' || typeof m.rowCounts !== 'object') return null;
    return m;
  } catch {
    return null;
  }
}

/** null when the file is exactly what its manifest says; otherwise why not (Norwegian, for the person). */
export function checkAgainstManifest(file: string, key: Buffer): string | null {
  const m = readManifest(file);
  if (!m) return 'Sikkerhetskopien mangler innholdsliste (manifest), så innholdet kan ikke kontrolleres. Velg en annen.';
  if (m.file !== basename(file)) return 'Innholdslisten hører til en annen sikkerhetskopi. Velg en annen.';
  let actual: { sha256: string; sizeBytes: number };
  try {
    actual = sha256File(file);
  } catch {
    return 'Sikkerhetskopien kunne ikke leses. Velg en annen.';
  }
  if (actual.sizeBytes !== m.sizeBytes) return 'Sikkerhetskopien har en annen størrelse enn da den ble tatt. Den er endret eller skadet. Velg en annen.';
  if (actual.sha256 !== m.sha256) return 'Sikkerhetskopien er endret etter at den ble tatt (sjekksummen stemmer ikke). Velg en annen.';
  let facts: ContentFacts;
  try {
    const db = openKeyed(file, key, { readonly: true });
    try {
      facts = contentFacts(db);
    } finally {
      db.close();
    }
  } catch {
    return 'Sikkerhetskopien kan ikke leses med nøkkelen til denne datamappen. Velg en annen.';
  }
  if (facts.schemaVersion !== m.schemaVersion) return 'Skjemaversjonen i sikkerhetskopien stemmer ikke med innholdslisten. Velg en annen.';
  if (JSON.stringify(facts.rowCounts) !== JSON.stringify(m.rowCounts)) return 'Antall rader i sikkerhetskopien stemmer ikke med innholdslisten. Velg en annen.';
  if (JSON.stringify(facts.auditHead) !== JSON.stringify(m.auditHead))
    return 'Siste logginnslag i sikkerhetskopien stemmer ikke med innholdslisten. Velg en annen.';
  return null;
}
