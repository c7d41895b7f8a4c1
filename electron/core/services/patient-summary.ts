import type { DeadlineView, PathwayDetail } from '../../../shared/contract/pathways';
import { formatDate } from '../../../shared/domain/time';
import { pathwayTypeLabel } from '../../../shared/domain/pathway-types';
import { printDocument, type Letterhead } from '../../../shared/print/document';
import { esc } from '../../../shared/print/escape';

const d = formatDate;

export interface SummaryInput {
  patient: { name: string; birthDate: string };
  letterhead: Letterhead;
  pathways: PathwayDetail[];
  printedAt: Date;
}

/** What happens next, in words a patient understands (no codes, no rule names). */
function nextStep(next: DeadlineView, careKind: PathwayDetail['rights']['careKind']): string {
  // A date already passed is never promised to the patient as "senest": say it plainly and apologise.
  if (next.state === 'overdue' && next.due) {
    if (next.key === 'legal/referral-assessment') {
      return `Henvisningen din skulle vært vurdert innen ${d(next.due)}. Vi beklager at det tar lengre tid. Du får svar så snart vi kan, og da får du vite om du har rett til helsehjelp hos oss og når den starter.`;
    }
    return `${upcomingStep({ ...next, due: null }, careKind)} Fristen var ${d(next.due)}. Vi beklager at det tar lengre tid, og tar kontakt med deg så snart vi kan.`;
  }
  return upcomingStep(next, careKind);
}

function upcomingStep(next: DeadlineView, careKind: PathwayDetail['rights']['careKind']): string {
  const due = next.due ? d(next.due) : null;
  if (next.key === 'legal/referral-assessment') {
    return `Vi vurderer henvisningen din. Du får svar fra oss${due ? ` senest ${due}` : ''}, og da får du vite om du har rett til helsehjelp hos oss og når den starter.`;
  }
  if (next.key === 'legal/care-deadline') {
    // The deadline is for health care — assessment or treatment, whichever the right is for (issue #13).
    const what = careKind === 'assessment' ? 'utredning' : careKind === 'treatment' ? 'behandling' : 'helsehjelp (utredning eller behandling)';
    const start = careKind === 'assessment' ? 'Utredningen' : careKind === 'treatment' ? 'Behandlingen' : 'Helsehjelpen';
    return due
      ? `Du har rett til ${what}. ${start} skal starte senest ${due}. Du får innkalling til første time.`
      : `Du har rett til ${what}. Du får innkalling til første time.`;
  }
  if (/-first_attendance(\/|$)/.test(next.key)) return `Du skal få første time hos oss${due ? ` senest ${due}` : ''}.`;
  if (/-clinical_decision(\/|$)/.test(next.key)) {
    return `Når kartleggingen er ferdig, bestemmer vi sammen med deg hva som skal skje videre${due ? `. Målet er at dette skjer innen ${due}` : ''}.`;
  }
  if (/-evaluation/.test(next.key)) {
    return `Vi skal sammen med deg se på hvordan behandlingen går, og om noe bør endres${due ? `. Neste gang innen ${due}` : ''}.`;
  }
  if (/-follow_on_treatment/.test(next.key)) return `Videre behandling etter avrusningen skal starte${due ? ` senest ${due}` : ''}.`;
  return 'Det er ingen frist akkurat nå. Vi tar kontakt med deg om neste steg.';
}

function whatHappened(p: PathwayDetail): string[] {
  const lines = [`${d(p.referralReceived)}: Vi mottok henvisningen.`];
  if (p.referralAssessed) lines.push(`${d(p.referralAssessed)}: Henvisningen ble vurdert.`);
  const plain: Record<string, string> = {
    first_attendance: 'Første time hos oss.',
    clinical_decision: 'Vi bestemte sammen hva som skal skje videre.',
    evaluation: 'Vi gikk gjennom hvordan behandlingen går.',
    patient_postponed: 'En avtale ble utsatt fordi du meldte avbud, ba om å utsette den eller ikke kom.',
  };
  for (const e of p.events.filter((ev) => ev.status === 'active' && plain[ev.type])) lines.push(`${d(e.date)}: ${plain[e.type]}`);
  return lines;
}

/**
 * The one-page patient summary: the pathways' promise to the patient — know what will happen, when it will
 * happen, and who is responsible — and how to reach the coordinator. Only what the page needs about the patient.
 */
export function buildPatientSummary(input: SummaryInput): string {
  const { letterhead: lh } = input;
  const sections = input.pathways.map((p) => {
    const next = p.nextAction;
    return `<h2>${esc(pathwayTypeLabel(p.pathwayType))}</h2>
<h3>Dette har skjedd</h3>
<ul>${whatHappened(p)
      .map((l) => `<li>${esc(l)}</li>`)
      .join('')}</ul>
<h3>Dette skjer nå</h3>
<p>${esc(nextStep(next, p.rights.careKind))}</p>`;
  });
  const body = `<h1>Ditt pasientforløp</h1>
<p>Til ${esc(input.patient.name)}, født ${esc(d(input.patient.birthDate))}.</p>
<p>Her står det hva som skal skje videre, når det skal skje, og hvem som har ansvaret. Ta med arket når du kommer til timen.</p>
${sections.length > 0 ? sections.join('\n') : '<p>Du har ikke noe åpent forløp hos oss nå.</p>'}
<h2>Hvem har ansvaret</h2>
<p>Forløpskoordinatoren din er <strong>${esc(lh.coordinatorName)}</strong> ved ${esc(lh.unitName)}. Koordinatoren holder oversikt over forløpet ditt og er den du kan kontakte fram til du har fått din egen behandler.</p>
<h2>Slik når du oss</h2>
<p>Telefon: <strong>${esc(lh.unitPhone)}</strong>${lh.unitAddress ? `<br>Adresse: ${esc(lh.unitAddress.replace(/\n/g, ', '))}` : ''}</p>
<p>Ring oss hvis du ikke kan komme til en time, hvis noe har endret seg, eller hvis du lurer på noe. Du kan ta med deg en pårørende eller en annen du stoler på.</p>
<h2>Dine rettigheter</h2>
<p>Hvis du har fått rett til helsehjelp og fristen ikke blir holdt, kan du kontakte Helfo på telefon 800 43 573. Du kan klage til oss og deretter til Statsforvalteren.</p>`;
  return printDocument({ title: 'Pasientoppsummering', letterhead: lh, printedAt: input.printedAt, body });
}
