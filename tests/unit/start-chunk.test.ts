import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';
import config from '../../electron.vite.config';

// Issue #14 (start): the code a start parses is the worklist's. The renderer is built in memory with the app's
// own config; the start set is the entry chunk and every chunk it imports statically (what index.html loads).
// No screen but the worklist, no dialog and no form kit may be in it; each is its own chunk, loaded on first use.

const LAZY_MODULES = [
  'features/no-show/NoShowQueueScreen.tsx',
  'features/meetings/MeetingsScreen.tsx',
  'features/plans/PlansScreen.tsx',
  'features/contacts/ContactsScreen.tsx',
  'features/overview/OverviewScreen.tsx',
  'features/registration/RegistrationScreen.tsx',
  'features/rules/RulesScreen.tsx',
  'features/settings/SettingsScreen.tsx',
  'features/patient/PatientPage.tsx',
  'features/referral/NewReferralDialog.tsx',
  'features/patient-search/FindPatientDialog.tsx',
  'features/shell/ShortcutsDialog.tsx',
  'features/profile/FirstRun.tsx',
  'features/trust/SetPinForm.tsx',
  'features/pathways/EventDialogForms.tsx',
  'features/pathways/AssessDialog.tsx',
  'features/pathways/BreachReasonForm.tsx',
  'components/DiscardDialog.tsx',
  'components/DateField.tsx',
  'forms/useContractForm.ts',
];
// zod and the contract's schemas: the start reads method facts from the generated table (shared/contract/method-facts.ts).
const LAZY_PACKAGES = ['react-hook-form', 'react-day-picker', 'zod'];

let built: Promise<Rollup.OutputChunk[]> | undefined;
/** The renderer, built once for this file's tests. */
function renderChunks(): Promise<Rollup.OutputChunk[]> {
  built ??= buildRenderer();
  return built;
}

async function buildRenderer(): Promise<Rollup.OutputChunk[]> {
  const renderer = (config as { renderer: Record<string, any> }).renderer;
  const out = await build({
    ...renderer,
    configFile: false,
    logLevel: 'silent',
    build: { ...renderer.build, write: false, minify: false, sourcemap: false, reportCompressedSize: false },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  return outputs.flatMap((o) => o.output.filter((c): c is Rollup.OutputChunk => c.type === 'chunk'));
}

describe('the start chunk', () => {
  it('holds the worklist, and no other screen, dialog or form kit', { timeout: 180_000 }, async () => {
    const chunks = await renderChunks();
    const byFile = new Map(chunks.map((c) => [c.fileName, c]));
    const entry = chunks.find((c) => c.isEntry);
    expect(entry).toBeDefined();
    const start = new Set<string>();
    const visit = (file: string) => {
      if (start.has(file)) return;
      start.add(file);
      for (const i of byFile.get(file)?.imports ?? []) visit(i);
    };
    visit(entry!.fileName);
    const startModules = [...start].flatMap((f) => byFile.get(f)?.moduleIds ?? []).map((id) => id.replaceAll('\\', '/'));

    // The check can see what it is about: the worklist is in the start set, each lazy module in some other chunk.
    expect(startModules.some((id) => id.endsWith('renderer/src/features/worklist/WorklistScreen.tsx'))).toBe(true);
    const everywhere = chunks.flatMap((c) => c.moduleIds).map((id) => id.replaceAll('\\', '/'));
    for (const m of LAZY_MODULES)
      expect(
        everywhere.some((id) => id.endsWith(`renderer/src/${m}`)),
        m,
      ).toBe(true);

    expect(LAZY_MODULES.filter((m) => startModules.some((id) => id.endsWith(`renderer/src/${m}`)))).toEqual([]);
    // One script for the start (electron.vite.config.ts groups what it imports statically): not a file per shared module.
    expect([...start]).toEqual([entry!.fileName]);
    expect(LAZY_PACKAGES.filter((p) => startModules.some((id) => id.includes(`/node_modules/${p}/`)))).toEqual([]);
  });

  // The start CSS holds only the Aksel components the app uses (renderer/src/styles.css), not all of components.css.
  it('has the stylesheet of every Aksel component the renderer uses', { timeout: 180_000 }, async () => {
    const code = (await renderChunks()).map((c) => c.code).join('\n');
    const dir = join(__dirname, '../../node_modules/@navikt/ds-css/dist/component');
    const styles = readFileSync(join(__dirname, '../../renderer/src/styles.css'), 'utf8');
    const imported = new Set([...styles.matchAll(/@import '@navikt\/ds-css\/dist\/component\/([\w-]+)\.css'/g)].map((m) => m[1]!));
    // A file's components: the class names its rules are about (aksel-NAME, without __part or --variant).
    const basesOf = (file: string) =>
      new Set([...readFileSync(join(dir, `${file}.css`), 'utf8').matchAll(/\.(aksel-[\w-]+?)(?:__|--|[^\w-]|$)/g)].map((m) => m[1]!));
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.css') && !f.endsWith('.min.css'))
      .map((f) => f.slice(0, -4));
    const covered = new Set([...imported].flatMap((f) => [...basesOf(f)]));
    expect(covered.has('aksel-button') && covered.has('aksel-table')).toBe(true);
    const missing = files
      .filter((f) => !imported.has(f))
      .flatMap((f) => [...basesOf(f)].filter((b) => !covered.has(b) && code.includes(b)).map((b) => `${f}.css (${b})`));
    expect(missing).toEqual([]);
  });
});
