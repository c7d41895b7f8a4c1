/**
 * Runs Doyensec Electronegativity over the Electron shell (electron/) and the renderer (renderer/),
 * writes SARIF to tools/electronegativity/results/, and fails when any finding has no written
 * justification in justifications.json (same rule id and file). Run by .ci/run before `npm test`.
 *
 * Offline: Electronegativity fetches translations and Electron's release list over the network. CI has no
 * route to those hosts, so the release-list check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, justified in
 * justifications.json) is excluded, and got's offline retry error — thrown from a timer after the request
 * was already abandoned — is ignored; the bundled English texts are used.
 */
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);

process.on('uncaughtException', (e) => {
  const stack = String(e?.stack ?? e);
  if (stack.includes('p-cancelable') || stack.includes(`${join('got', 'dist')}`)) return; // offline fetch, abandoned
  console.error(stack);
  process.exit(2);
});

const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron.replace(/^[^\d]*/, '');
const justifications = JSON.parse(readFileSync(join(here, 'justifications.json'), 'utf8'));

for (const j of justifications) {
  if (!j.ruleId || !j.file || typeof j.justification !== 'string' || j.justification.trim().length < 20) {
    console.error(`justifications.json: every entry needs ruleId, file and a written justification (got ${JSON.stringify(j)})`);
    process.exit(1);
  }
}

const i18n = require('@doyensec/electronegativity/dist/locales/i18n.js');
await (i18n.default ?? i18n)();
const run = require('@doyensec/electronegativity/dist/runner.js');

// One scan over the shell and the renderer together: the global checks (CSP, navigation limits,
// permission handler) look across files, and these live in different folders.
mkdirSync(join(here, 'results'), { recursive: true });
const stage = join(here, 'results', 'scan');
rmSync(stage, { recursive: true, force: true });
for (const part of ['electron', 'renderer', 'package.json']) cpSync(join(root, part), join(stage, part), { recursive: true });

const output = join(here, 'results', 'electronegativity.sarif');
rmSync(output, { force: true });
const result = await run(
  {
    input: stage,
    output,
    isSarif: true,
    customScan: [],
    excludeFromScan: EXCLUDED.map((c) => c.toLowerCase()),
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: false,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);
if (result.errors?.length)
  console.log(`  ${result.errors.length} files could not be parsed: ${result.errors.map((e) => relative(stage, e.file ?? '')).join(', ')}`);
const sarif = await readSarif(output);
const findings = [];
for (const r of sarif.runs.flatMap((run) => run.results ?? [])) {
  const loc = r.locations?.[0]?.physicalLocation;
  const uri = decodeURIComponent(String(loc?.artifactLocation?.uri ?? '')).replace(/^file:\/\//, '');
  const file = uri.startsWith(stage) ? relative(stage, uri).split('\\').join('/') : uri;
  findings.push({ ruleId: r.ruleId, file, line: loc?.region?.startLine ?? 0, message: r.message?.text ?? '' });
}
rmSync(stage, { recursive: true, force: true });

const justified = (f) => justifications.find((j) => j.ruleId === f.ruleId && (j.file === f.file || j.file === '*'));
const open = findings.filter((f) => !justified(f));
const unused = justifications.filter((j) => !EXCLUDED_RULE_IDS().includes(j.ruleId) && !findings.some((f) => justified(f) === j));

/** The runner writes its SARIF with an un-awaited fs.writeFile: wait until the file is complete JSON. */
async function readSarif(file) {
  for (let i = 0; i < 100; i++) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // still being written
      }
    }
    await sleep(100);
  }
  throw new Error(`no SARIF written to ${file}`);
}

function EXCLUDED_RULE_IDS() {
  return ['AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK'];
}

writeFileSync(
  join(here, 'results', 'summary.json'),
  JSON.stringify({ electronVersion, findings: findings.map((f) => ({ ...f, justification: justified(f)?.justification ?? null })) }, null, 2),
);
console.log(
  `electronegativity: ${findings.length} findings, ${findings.length - open.length} justified, ${open.length} without justification (Electron ${electronVersion})`,
);
for (const f of findings) console.log(`  ${justified(f) ? 'justified' : 'OPEN     '} ${f.ruleId} ${f.file}:${f.line}`);
for (const j of unused) console.log(`  note: justification no longer matches a finding: ${j.ruleId} ${j.file}`);
if (open.length > 0) {
  console.error('electronegativity: findings without a written justification — fix them or justify them in tools/electronegativity/justifications.json');
  process.exit(1);
}
process.exit(0);
