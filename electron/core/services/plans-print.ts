import type { PlanView } from '../../../shared/domain/individual-plan';
import { formatDate, todayInOslo } from '../../../shared/domain/time';
import { INDIVIDUAL_PLAN_REGULATION, planSections, type SectionBlock } from '../../../shared/domain/plan-sections';
import { GOAL_RESULT_LABELS, type GoalEvaluation } from '../../../shared/domain/plan-revision';
import { printDocument, type Letterhead } from '../../../shared/print/document';
import { esc, escLines } from '../../../shared/print/escape';

export interface PlanDocumentInput {
  plan: PlanView;
  patient: { name: string; birthDate: string };
  letterhead: Letterhead;
  printedAt: Date;
  /** Present when a kept version is printed rather than the current plan. */
  version?: { versionNo: number; heldOn: string; evaluations: readonly GoalEvaluation[] };
}

function block(b: SectionBlock, tableClass = ''): string {
  switch (b.kind) {
    case 'text':
      return b.label ? `<h3>${esc(b.label)}</h3><p>${escLines(b.text)}</p>` : `<p>${escLines(b.text)}</p>`;
    case 'list':
      return `<h3>${esc(b.label)}</h3><ul>${b.items.map((i) => `<li>${escLines(i)}</li>`).join('')}</ul>`;
    case 'fields':
      return `<table class="fields">${b.fields.map((f) => `<tr><th scope="row">${esc(f.label)}</th><td>${escLines(f.value)}</td></tr>`).join('')}</table>`;
    case 'table':
      return `${b.label ? `<h3>${esc(b.label)}</h3>` : ''}<table${tableClass ? ` class="${tableClass}"` : ''}><thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escLines(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'signature':
      return `<div class="consent"><h3>Samtykkeerklæring</h3><p>${esc(b.statement)}</p><div class="signature">${b.lines
        .map((l) => `<div>${esc(l.label)}</div>`)
        .join('')}</div></div>`;
  }
}

function evaluations(plan: PlanView, version: NonNullable<PlanDocumentInput['version']>): string {
  const rows = version.evaluations.map((e) => {
    const goal = plan.goals.find((g) => g.id === e.goalId)?.text ?? '';
    return `<tr><td>${escLines(goal)}</td><td>${esc(GOAL_RESULT_LABELS[e.result])}</td><td>${escLines(e.note)}</td></tr>`;
  });
  return `<section class="part"><h2>Evaluering av målene ved revisjonen ${esc(formatDate(version.heldOn))}</h2>${
    rows.length === 0
      ? '<p>Planen hadde ingen mål å evaluere.</p>'
      : `<table><thead><tr><th>Mål</th><th>Resultat</th><th>Merknad</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  }</section>`;
}

/**
 * The individual plan on A4: the patient's name, then the nine content items in order (with the consent
 * statement and lines for signature in section 8), and for a kept version the goal evaluations.
 */
export function buildPlanDocument(input: PlanDocumentInput): string {
  const { plan, patient, version } = input;
  const sections = planSections(plan, { patientName: patient.name });
  const status = version
    ? `Versjon ${version.versionNo}, fastsatt ved revisjon ${formatDate(version.heldOn)}`
    : `Gjeldende plan, skrevet ut ${formatDate(todayInOslo(input.printedAt))}`;
  const body = `
<style>
  table.fields th { width: 42mm; font-weight: 600; font-size: 10pt; }
  .consent { break-inside: avoid; border: .75pt solid #000; padding: 3mm 4mm 4mm; margin: 3mm 0; }
  .consent h3 { margin-top: 0; }
  .part { break-inside: auto; }
  .intro { margin-bottom: 5mm; }
  table.measures { table-layout: fixed; font-size: 9pt; }
  table.measures td { overflow-wrap: break-word; }
  table.measures th:nth-child(1) { width: 26%; } table.measures th:nth-child(2) { width: 11%; }
  table.measures th:nth-child(3) { width: 19%; } table.measures th:nth-child(4), table.measures th:nth-child(5) { width: 12%; }
  table.measures th:nth-child(6) { width: 9%; } table.measures th:nth-child(7) { width: 11%; }
  table.measures td:nth-child(4), table.measures td:nth-child(5) { white-space: nowrap; overflow-wrap: normal; }
</style>
<h1>Individuell plan</h1>
<div class="intro">
  <table class="fields">
    <tr><th scope="row">Navn</th><td>${esc(patient.name)}</td></tr>
    <tr><th scope="row">Fødselsdato</th><td>${esc(formatDate(patient.birthDate))}</td></tr>
    <tr><th scope="row">Planperiode</th><td>${esc(formatDate(plan.period.from))}–${esc(formatDate(plan.period.to))}</td></tr>
  </table>
  <p class="muted">${esc(status)}. Planen er din, og målene står med dine egne ord. Innholdet følger ${esc(INDIVIDUAL_PLAN_REGULATION.charAt(0).toLowerCase() + INDIVIDUAL_PLAN_REGULATION.slice(1))}.</p>
</div>
${sections.map((s) => `<section class="part"><h2>${esc(s.heading)}</h2>${s.blocks.map((b) => block(b, s.id === 'measures' ? 'measures' : '')).join('\n')}</section>`).join('\n')}
${version ? evaluations(plan, version) : ''}`;
  return printDocument({ title: 'Individuell plan', letterhead: input.letterhead, printedAt: input.printedAt, body });
}
