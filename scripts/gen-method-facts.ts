// `npx tsx scripts/gen-method-facts.ts`: writes shared/contract/method-facts.generated.ts, the contract's method
// facts as plain data, so the renderer's start reads them without loading zod and every schema (see
// shared/contract/method-facts.ts). Run it after changing a method's kind or `invalidates`; the unit test
// tests/unit/method-facts-table.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract } from '../shared/contract';
import { methodFactsTable } from '../shared/contract/method-facts';

const table = methodFactsTable(contract);
const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'contract', 'method-facts.generated.ts');
writeFileSync(
  file,
  `// Generated from the contract by \`npx tsx scripts/gen-method-facts.ts\`: do not edit (see method-facts.ts).
export const METHOD_KINDS: Readonly<Record<string, 'query' | 'mutation'>> = ${JSON.stringify(table.kinds, null, 2)};

export const INVALIDATED_BY: Readonly<Record<string, readonly string[] | '*'>> = ${JSON.stringify(table.invalidatedBy, null, 2)};
`,
);
console.log(file);
