/**
 * The patient's no-show letter names one phone: the same update as migration 0440 (one Kysely statement that runs
 * as written on both stores; a template the unit has edited is left as the unit wrote it).
 */
export { CHANGE, up } from '../20261201_0440_patient_letter_phone_once';
