#!/usr/bin/env node
// Regenerates data/municipalities-2024.json from the shared municipality CSV (SSB classification 131).
// Usage: node scripts/build-municipalities.mjs [path/to/municipalities-2024.csv]
// Default input: ../shared/data/municipalities-2024.csv next to the repository. Output is deterministic
// (no generation timestamp), so re-running on the same CSV gives an identical file.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/data/municipalities-2024.csv'));
const output = resolve(repoRoot, 'data/municipalities-2024.json');

const text = readFileSync(input, 'utf8').replace(/^\uFEFF/, '');
const provenance = text
  .split(/\r?\n/)
  .filter((line) => line.startsWith('#'))
  .map((line) => line.replace(/^#\s?/, '').trim());

const parsed = Papa.parse(text, { delimiter: ';', comments: '#', header: true, skipEmptyLines: true });
if (parsed.errors.length > 0) fail(`CSV errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
const expectedColumns = ['number', 'name', 'official_name', 'county_number', 'county_name'];
for (const col of expectedColumns) {
  if (!parsed.meta.fields?.includes(col)) fail(`missing column '${col}'`);
}

const municipalities = parsed.data.map((row, i) => {
  const m = {
    number: row.number.trim(),
    name: row.name.trim(),
    officialName: row.official_name.trim(),
    county: { number: row.county_number.trim(), name: row.county_name.trim() },
  };
  if (!/^\d{4}$/.test(m.number)) fail(`row ${i + 1}: number is not four digits`);
  if (m.county.number !== m.number.slice(0, 2)) fail(`row ${i + 1}: county number is not the number's prefix`);
  if (!m.name || !m.officialName || !m.county.name) fail(`row ${i + 1}: empty name`);
  return m;
});
municipalities.sort((a, b) => a.number.localeCompare(b.number));
if (new Set(municipalities.map((m) => m.number)).size !== municipalities.length) fail('duplicate numbers');

// The CSV header states the classification version and validity but no retrieval date, so none is invented.
const validFromMatch = /valid from (\d{4}-\d{2}-\d{2})/i.exec(provenance.join(' '));
if (!validFromMatch) fail("provenance header does not state 'valid from yyyy-mm-dd'");
const sourceLine = provenance.find((line) => /^Compiled from/i.test(line));

const dataset = {
  source: sourceLine ?? provenance.join(' '),
  classification: 'SSB klassifikasjon 131',
  classificationVersion: '2024',
  validFrom: validFromMatch[1],
  retrieved: null,
  provenance,
  generatedFrom: relative(repoRoot, input).split('\\').join('/'),
  municipalities,
};

mkdirSync(dirname(output), { recursive: true });
// One municipality per line keeps diffs between classification versions readable.
const { municipalities: list, ...meta } = dataset;
const head = JSON.stringify(meta, null, 2).replace(/\n}$/, '');
const body = list.map((m) => `    ${JSON.stringify(m)}`).join(',\n');
writeFileSync(output, `${head},\n  "municipalities": [\n${body}\n  ]\n}\n`, 'utf8');
const counties = new Set(municipalities.map((m) => m.county.number)).size;
console.log(`Wrote ${relative(repoRoot, output)}: ${municipalities.length} municipalities in ${counties} counties.`);

function fail(message) {
  console.error(`build-municipalities: ${message}`);
  process.exit(1);
}
