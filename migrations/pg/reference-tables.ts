/** Tables whose rows the migrations ship (reference data), in foreign-key order, with a stable order for comparing. */
export const REFERENCE_TABLES: readonly { table: string; orderBy: string }[] = [
  { table: 'municipality', orderBy: 'number' },
  { table: 'rule_pathway', orderBy: 'pathway_type' },
  { table: 'rule_event', orderBy: 'pathway_type, type' },
  { table: 'rule_outcome', orderBy: 'code' },
  { table: 'rule_version', orderBy: 'id' },
  { table: 'rule_time', orderBy: 'id' },
  { table: 'breach_reason', orderBy: 'code' },
  { table: 'help_need', orderBy: 'code' },
  { table: 'end_reason', orderBy: 'code' },
  { table: 'letter_template', orderBy: 'id' },
  { table: 'app_setting', orderBy: 'key' },
];
