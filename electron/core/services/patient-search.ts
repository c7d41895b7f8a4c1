import type { Kysely, Transaction } from 'kysely';
import { nameSearchWords } from '../../../shared/domain/search-words';
import type { Database } from '../db/schema';

/** Keeps the name word index in step with a patient row; call in the transaction that writes the name. */
export async function indexPatientName(trx: Kysely<Database> | Transaction<Database>, patientId: number, name: string): Promise<void> {
  await trx.deleteFrom('patient_search_word').where('patient_id', '=', patientId).execute();
  const words = nameSearchWords(name);
  if (words.length > 0)
    await trx
      .insertInto('patient_search_word')
      .values(words.map((word) => ({ word, patient_id: patientId })))
      .execute();
}
