import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../electron/core/db/open';
import { migrations } from '../../migrations';
import { CHANGES } from '../../migrations/20261201_0310_letter_unit_phone_once';
import { CHANGE as PATIENT_CHANGE } from '../../migrations/20261201_0440_patient_letter_phone_once';
import { letterTemplate } from '../../shared/domain/letter-templates';
import { testDatabaseKey } from '../fixtures/core';

let handle: DbHandle | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await handle?.close();
  handle = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function migrateTo(db: Kysely<any>, to: string) {
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: 'kysely_migration' }).migrateTo(to);
  if (error) throw error;
}
const paragraphs = async (db: Kysely<any>, id: string) =>
  JSON.parse((await db.selectFrom('letter_template').select('paragraphs').where('id', '=', id).executeTakeFirstOrThrow()).paragraphs as string) as string[];

describe('migration 0310: the unit phone once in shipped letters', () => {
  it('updates the shipped text of an existing database and leaves a template the unit edited as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-0310-'));
    dirs.push(dir);
    handle = openDatabase(join(dir, 'db.sqlite'), { key: testDatabaseKey(dir) });
    const db = handle.db as unknown as Kysely<any>;
    await migrateTo(db, '20261201_0210_coordination_records');
    // Before: exactly the text the migration expects to replace.
    for (const c of CHANGES) expect(await paragraphs(db, c.id)).toEqual(c.before);
    // The unit edits the municipal letter (one word): its own text is kept.
    const edited = CHANGES[1]!.before.map((p, i) => (i === 0 ? p.replace('Vi tar kontakt', 'Vi kontakter dere') : p));
    await db
      .updateTable('letter_template')
      .set({ paragraphs: JSON.stringify(edited), updated_at: '2026-11-30T10:00:00.000Z' })
      .where('id', '=', CHANGES[1]!.id)
      .execute();
    await migrateTo(db, '20261201_0310_letter_unit_phone_once');
    // The shipped referrer letter now reads as the app ships it (resetTemplate gives the same text).
    expect(await paragraphs(db, 'referrer_not_reached')).toEqual(letterTemplate('referrer_not_reached')!.paragraphs);
    expect(CHANGES[0]!.after).toEqual(letterTemplate('referrer_not_reached')!.paragraphs);
    expect(CHANGES[1]!.after).toEqual(letterTemplate('municipal_not_reached')!.paragraphs);
    expect(await paragraphs(db, 'municipal_not_reached')).toEqual(edited);
    for (const c of CHANGES) expect(c.after.join('\n')).not.toContain('{{unit.phone}}');
  });

  it('0440: the patient letter names the coordinator and one number; an edited patient letter is kept', async () => {
    for (const edit of [false, true]) {
      const dir = mkdtempSync(join(tmpdir(), 'forlopsbenk-0440-'));
      dirs.push(dir);
      handle = openDatabase(join(dir, 'db.sqlite'), { key: testDatabaseKey(dir) });
      const db = handle.db as unknown as Kysely<any>;
      await migrateTo(db, '20261201_0430_open_pathway_by_patient');
      expect(await paragraphs(db, PATIENT_CHANGE.id)).toEqual(PATIENT_CHANGE.before);
      const edited = PATIENT_CHANGE.before.map((p, i) => (i === 0 ? 'Hei igjen, {{patient.name}}' : p));
      if (edit)
        await db
          .updateTable('letter_template')
          .set({ paragraphs: JSON.stringify(edited) })
          .where('id', '=', PATIENT_CHANGE.id)
          .execute();
      await migrateTo(db, '20261201_0440_patient_letter_phone_once');
      expect(await paragraphs(db, PATIENT_CHANGE.id)).toEqual(edit ? edited : letterTemplate(PATIENT_CHANGE.id)!.paragraphs);
      if (!edit) expect(PATIENT_CHANGE.after.join('\n')).not.toContain('{{unit.phone}} for å få en ny time');
      await handle.close();
      handle = null;
    }
  });
});
