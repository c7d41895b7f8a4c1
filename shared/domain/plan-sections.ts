/**
 * The nine content items of an individual plan (DOMAIN.md §8) as plain structured data for screens and
 * printing. No HTML: the renderer decides the markup. Since 1 August 2022 plan content is set by
 * *forskrift om individuell plan ved ytelse av velferdstjenester* (issue #13); the items are shown as
 * "punkt N" without a paragraph number, which is not verified against the new regulation here.
 */
import { MEASURE_STATUS_LABELS, type PlanView } from './individual-plan';
import { formatDate } from './time';

/** The regulation that sets an individual plan's content, as shown to users. */
export const INDIVIDUAL_PLAN_REGULATION = 'Forskrift om individuell plan ved ytelse av velferdstjenester (fra 1. august 2022)';

/** How a content item is referred to in the UI: "punkt 5", never "§ 19 pkt. 5" (the old regulation). */
export function planItemRef(no: number): string {
  return `punkt ${no}`;
}

export const PLAN_SECTIONS = [
  { no: 1, id: 'goals_resources_needs', title: 'Mål, ressurser og behov' },
  { no: 2, id: 'participants', title: 'Hvem som deltar i planarbeidet' },
  { no: 3, id: 'coordinator', title: 'Koordinator' },
  { no: 4, id: 'contributions', title: 'Bidrag fra pasient, tjenester og pårørende' },
  { no: 5, id: 'measures', title: 'Tiltak og ansvar' },
  { no: 6, id: 'implementation', title: 'Hvordan tiltakene gjennomføres' },
  { no: 7, id: 'period_revision', title: 'Planperiode og revisjon' },
  { no: 8, id: 'consent', title: 'Samtykke' },
  { no: 9, id: 'cooperation', title: 'Samarbeid med andre tjenester' },
] as const;

export type PlanSectionId = (typeof PLAN_SECTIONS)[number]['id'];

/** Shown where a field has no content. */
export const NOT_FILLED = 'Ikke utfylt';

export type SectionBlock =
  | { kind: 'text'; label?: string; text: string }
  | { kind: 'list'; label: string; items: string[] }
  | { kind: 'fields'; fields: { label: string; value: string }[] }
  | { kind: 'table'; label?: string; columns: string[]; rows: string[][] }
  | { kind: 'signature'; statement: string; lines: { label: string }[] };

export interface PlanSection {
  no: number;
  id: PlanSectionId;
  title: string;
  /** "1. Mål, ressurser og behov" */
  heading: string;
  blocks: SectionBlock[];
}

export interface PlanSectionOptions {
  /** The patient's name, used in the consent statement. */
  patientName?: string;
}

const orEmpty = (s: string | undefined): string => (s === undefined || s.trim() === '' ? NOT_FILLED : s);
const dateOrEmpty = (d: string | undefined): string => (d === undefined || d === '' ? NOT_FILLED : formatDate(d));
const listOrEmpty = (items: string[]): string[] => (items.length === 0 ? [NOT_FILLED] : items);

function goalText(plan: PlanView, goalId: number | undefined): string {
  if (goalId === undefined) return '';
  return plan.goals.find((g) => g.id === goalId)?.text ?? '';
}

function goalsResourcesNeeds(plan: PlanView): SectionBlock[] {
  return [
    {
      kind: 'list',
      label: 'Mål',
      items: listOrEmpty(plan.goals.map((g) => (g.targetDate ? `${g.text} (innen ${formatDate(g.targetDate)})` : g.text))),
    },
    { kind: 'list', label: 'Ressurser', items: listOrEmpty(plan.resources.map((r) => r.text)) },
    { kind: 'list', label: 'Behov', items: listOrEmpty(plan.needs.map((n) => n.text)) },
  ];
}

function participants(plan: PlanView): SectionBlock[] {
  if (plan.participants.length === 0) return [{ kind: 'text', text: NOT_FILLED }];
  return [
    {
      kind: 'table',
      columns: ['Navn', 'Rolle', 'Virksomhet'],
      rows: plan.participants.map((p) => [p.name, p.role, p.organisation]),
    },
  ];
}

function coordinator(plan: PlanView): SectionBlock[] {
  return [
    {
      kind: 'fields',
      fields: [
        { label: 'Navn', value: orEmpty(plan.coordinator.name) },
        { label: 'Virksomhet', value: orEmpty(plan.coordinator.organisation) },
      ],
    },
  ];
}

function contributions(plan: PlanView): SectionBlock[] {
  const c = plan.contributions;
  return [
    { kind: 'text', label: 'Pasienten', text: orEmpty(c.patient) },
    { kind: 'text', label: 'Tjenestene', text: orEmpty(c.services) },
    { kind: 'text', label: 'Pårørende', text: orEmpty(c.relatives) },
  ];
}

function measures(plan: PlanView): SectionBlock[] {
  if (plan.measures.length === 0) return [{ kind: 'text', text: NOT_FILLED }];
  return [
    {
      kind: 'table',
      columns: ['Tiltak', 'Omfang', 'Ansvarlig', 'Start', 'Frist', 'Status', 'Mål'],
      rows: plan.measures.map((m) => [
        m.what,
        m.scope,
        m.responsible,
        m.startDate ? formatDate(m.startDate) : '',
        m.dueDate ? formatDate(m.dueDate) : '',
        MEASURE_STATUS_LABELS[m.status],
        goalText(plan, m.goalId),
      ]),
    },
  ];
}

function implementation(plan: PlanView): SectionBlock[] {
  if (plan.measures.length === 0) return [{ kind: 'text', text: NOT_FILLED }];
  const blocks: SectionBlock[] = [];
  for (const m of plan.measures) {
    blocks.push({ kind: 'text', label: m.what, text: orEmpty(m.howCarriedOut) });
    if (m.progressNotes.length > 0) {
      blocks.push({
        kind: 'list',
        label: `Fremdrift – ${m.what}`,
        items: m.progressNotes.map((n) => `${formatDate(n.date)}: ${n.text}`),
      });
    }
  }
  return blocks;
}

function periodRevision(plan: PlanView): SectionBlock[] {
  const dates = [...new Set(plan.revisionDates)].sort();
  return [
    {
      kind: 'fields',
      fields: [
        { label: 'Planperiode fra', value: dateOrEmpty(plan.period.from) },
        { label: 'Planperiode til', value: dateOrEmpty(plan.period.to) },
      ],
    },
    { kind: 'list', label: 'Revisjonsdatoer', items: listOrEmpty(dates.map(formatDate)) },
  ];
}

/** The consent statement for signing; names the participants the plan may be shared with. */
export function consentStatement(plan: PlanView, patientName?: string): string {
  const who = patientName && patientName.trim() !== '' ? `Jeg, ${patientName.trim()},` : 'Jeg';
  const names = plan.participants.filter((p) => plan.consent.coversParticipantIds.includes(p.id)).map((p) => `${p.name} (${p.role}, ${p.organisation})`);
  const sharing =
    names.length === 0
      ? 'Planen skal ikke deles med andre uten at jeg har samtykket til det.'
      : `Jeg samtykker til at planen og nødvendige opplysninger deles med: ${names.join('; ')}.`;
  return (
    `${who} samtykker til at det utarbeides en individuell plan for meg. ${sharing} ` +
    'Jeg er kjent med at samtykket er frivillig, og at jeg når som helst kan trekke det tilbake.'
  );
}

function consent(plan: PlanView, options: PlanSectionOptions): SectionBlock[] {
  const { givenAt, givenBy, withdrawnAt } = plan.consent;
  const covered = plan.participants.filter((p) => plan.consent.coversParticipantIds.includes(p.id)).map((p) => `${p.name} (${p.role})`);
  const fields = [
    { label: 'Samtykke gitt', value: dateOrEmpty(givenAt) },
    { label: 'Gitt av', value: orEmpty(givenBy) },
  ];
  if (withdrawnAt !== undefined) fields.push({ label: 'Trukket tilbake', value: formatDate(withdrawnAt) });
  return [
    { kind: 'fields', fields },
    { kind: 'list', label: 'Planen kan deles med', items: covered.length === 0 ? ['Ingen'] : covered },
    {
      kind: 'signature',
      statement: consentStatement(plan, options.patientName),
      lines: [{ label: 'Sted og dato' }, { label: 'Underskrift' }],
    },
  ];
}

function cooperation(plan: PlanView): SectionBlock[] {
  return [{ kind: 'text', text: orEmpty(plan.cooperation) }];
}

/** All nine content items in order, each with its heading and content. */
export function planSections(plan: PlanView, options: PlanSectionOptions = {}): PlanSection[] {
  const content: Record<PlanSectionId, () => SectionBlock[]> = {
    goals_resources_needs: () => goalsResourcesNeeds(plan),
    participants: () => participants(plan),
    coordinator: () => coordinator(plan),
    contributions: () => contributions(plan),
    measures: () => measures(plan),
    implementation: () => implementation(plan),
    period_revision: () => periodRevision(plan),
    consent: () => consent(plan, options),
    cooperation: () => cooperation(plan),
  };
  return PLAN_SECTIONS.map((s) => ({
    no: s.no,
    id: s.id,
    title: s.title,
    heading: `${s.no}. ${s.title}`,
    blocks: content[s.id](),
  }));
}
