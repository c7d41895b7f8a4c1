/** The targets of the speed issue (#14), by measurement name prefix; reported beside each figure, never asserted. */
export const TARGETS: [RegExp, string][] = [
  [/^UI: keystroke/, 'p95 ≤ 20 ms'],
  [/^worklist\.list search "(h|ha|han)" \(dispatcher\)/, 'p95 ≤ 2 ms (at 100k)'],
  [/^worklist\.list first page \(dispatcher\)/, '≤ 3× floor'],
  [/^UI: cold start .*first start of the day/, '≤ 800 ms (at 100k)'],
  [/^event write/, 'p95 ≤ 3 ms (100k, 1M audit rows)'],
  [/RSS after a scripted session/, '≤ 150 MB'],
];

export function targetFor(name: string): string {
  return TARGETS.find(([re]) => re.test(name))?.[1] ?? '';
}
