import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The import rules in .oxlintrc.json encode the architecture (core and shared/ free of Electron and the renderer,
 * renderer free of the core, migrations free of app code). Each case lints a one-line file placed at the same path
 * in a scratch copy of the tree, with the project's own config, and expects the rule to fire (or not).
 */
const root = resolve(__dirname, '../..');
const oxlint = join(root, 'node_modules/.bin/oxlint');
const scratch = mkdtempSync(join(tmpdir(), 'forlopsbenk-lint-'));
copyFileSync(join(root, '.oxlintrc.json'), join(scratch, '.oxlintrc.json'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lint(path: string, source: string): { failed: boolean; output: string } {
  const file = join(scratch, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${source}\nexport const used = x;\n`);
  try {
    const output = execFileSync(oxlint, ['-c', join(scratch, '.oxlintrc.json'), '-f', 'unix', file], { cwd: scratch, encoding: 'utf8' });
    return { failed: false, output };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { failed: err.status !== 0, output: err.stdout };
  } finally {
    rmSync(file);
  }
}

const forbidden: [string, string][] = [
  ['electron/core/services/probe.ts', "import { app as x } from 'electron';"],
  ['electron/core/probe.ts', "import { ipcMain as x } from 'electron/main';"],
  ['electron/core/probe.ts', "import { App as x } from '../../renderer/src/App';"],
  ['electron/core/services/probe.ts', "import { x } from '../../main/window';"],
  ['shared/domain/probe.ts', "import { app as x } from 'electron';"],
  ['shared/contract/probe.ts', "import { x } from '../../electron/core/dispatch';"],
  ['shared/domain/probe.ts', "import { x } from '../../renderer/src/lib/format';"],
  ['renderer/src/features/probe.tsx', "import { x } from '../../../electron/core/dispatch';"],
  ['renderer/src/probe.ts', "import { ipcRenderer as x } from 'electron';"],
  ['migrations/20261201_0099_probe.ts', "import { x } from '../shared/domain/rule-pack';"],
  ['migrations/20261201_0099_probe.ts', "import { x } from '../electron/core/services/pathway-clock';"],
  ['migrations/20261201_0099_probe.ts', "import x from '../data/municipalities-2024.json';"],
  ['migrations/frozen/20261201_0099/probe.ts', "import { x } from '../../../shared/domain/calendar';"],
];

const allowed: [string, string][] = [
  ['electron/core/services/probe.ts', "import { x } from '../../../shared/domain/rule-pack';"],
  ['renderer/src/features/probe.tsx', "import { x } from '../../../../shared/contract';"],
  ['electron/main/probe.ts', "import { app as x } from 'electron';"],
  ['migrations/20261201_0099_probe.ts', "import { x } from './data/20261123_0010_rule_packs.data';"],
];

describe('architecture import rules', () => {
  it.each(forbidden)('%s: refuses %s', (path, source) => {
    const { failed, output } = lint(path, source);
    expect(output).toContain('no-restricted-imports');
    expect(failed).toBe(true);
  });

  it.each(allowed)('%s: allows %s', (path, source) => {
    const { failed, output } = lint(path, source);
    expect(output).not.toContain('no-restricted-imports');
    expect(failed).toBe(false);
  });
});
