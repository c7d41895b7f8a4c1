/**
 * Printed agenda (dagsorden) and minutes (referat) of a collaboration meeting, through the one print layout.
 * The patient appears only as the privacy setting allows (default: initials and birth year); the document
 * title never carries a name, since it becomes the PDF's title.
 */
import {
  MEETING_KIND_LABELS,
  PARTICIPANT_ROLE_LABELS,
  initialsOf,
  patientPrintLine,
  type MeetingKind,
  type ParticipantRole,
  type PatientPrintPrivacy,
} from '../domain/meetings';
import { formatDate, utcToOslo } from '../domain/time';
import { printDocument, type Letterhead } from './document';
import { esc, escLines } from './escape';

export interface PrintableMeeting {
  kind: MeetingKind;
  startAt: string;
  durationMinutes: number;
  place: string;
  videoUrl: string;
  status: 'planned' | 'held' | 'cancelled';
  patient: { name: string; birthDate: string };
  participants: { name: string; role: string; organisation: string; consentCovers: boolean }[];
  agenda: { title: string }[];
  /** The patient needs an interpreter (recorded at first attendance): the language, shown on the invitation. */
  interpreter?: string | null;
}

export interface PrintableMinutes {
  version: number;
  status: 'draft' | 'final';
  notes: { title: string; note: string }[];
  decisions: string;
  actions: { text: string; owner: string; dueDate: string | null; done: boolean }[];
  finalizedAt: string | null;
  finalizedBy: string | null;
}

export function meetingTimeText(startAt: string, durationMinutes: number): string {
  const start = utcToOslo(startAt);
  const end = utcToOslo(new Date(Date.parse(startAt) + durationMinutes * 60_000).toISOString());
  return `${formatDate(start.date)} kl. ${start.time}–${end.time}`;
}

function roleLabel(role: string): string {
  return PARTICIPANT_ROLE_LABELS[role as ParticipantRole] ?? role;
}

function facts(m: PrintableMeeting, privacy: PatientPrintPrivacy): string {
  const rows: [string, string][] = [
    ['Type møte', esc(MEETING_KIND_LABELS[m.kind])],
    ['Tid', esc(meetingTimeText(m.startAt, m.durationMinutes))],
  ];
  if (m.place) rows.push(['Sted', esc(m.place)]);
  if (m.videoUrl) rows.push(['Videolenke', esc(m.videoUrl)]);
  const patient = patientPrintLine(m.patient, privacy);
  if (patient) rows.push(['Pasient', esc(patient)]);
  if (m.interpreter) rows.push(['Tolk', esc(`Pasienten trenger tolk (${m.interpreter}). Tolk må bestilles til møtet.`)]);
  if (m.status === 'cancelled') rows.push(['Status', '<strong>AVLYST</strong>']);
  return `<table class="facts-table">${rows.map(([k, v]) => `<tr><th scope="row" style="width:32mm">${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>`;
}

/**
 * The patient and relatives are named only as the privacy setting allows: a relative's name often
 * identifies the patient as surely as the patient's own.
 */
function participantName(p: { name: string; role: string }, privacy: PatientPrintPrivacy): string {
  if (p.role !== 'patient' && p.role !== 'relative') return p.name;
  if (privacy === 'name_birth_date') return p.name;
  if (privacy === 'none') return p.role === 'patient' ? 'Pasienten' : 'Pårørende';
  return initialsOf(p.name);
}

function participantsTable(m: PrintableMeeting, privacy: PatientPrintPrivacy): string {
  if (m.participants.length === 0) return '<p class="muted">Ingen deltakere er registrert.</p>';
  return `<table><thead><tr><th>Navn</th><th>Rolle</th><th>Organisasjon</th></tr></thead><tbody>${m.participants
    .map((p) => `<tr><td>${esc(participantName(p, privacy))}</td><td>${esc(roleLabel(p.role))}</td><td>${esc(p.organisation)}</td></tr>`)
    .join('')}</tbody></table>`;
}

export function agendaDocument(m: PrintableMeeting, letterhead: Letterhead, privacy: PatientPrintPrivacy, printedAt: Date): string {
  const items =
    m.agenda.length === 0
      ? '<p class="muted">Ingen saker på dagsordenen.</p>'
      : `<ol class="agenda">${m.agenda.map((a) => `<li>${esc(a.title)}</li>`).join('')}</ol>`;
  const body = `
<h1>Dagsorden – samarbeidsmøte</h1>
${facts(m, privacy)}
<h2>Deltakere</h2>
${participantsTable(m, privacy)}
<h2>Saker</h2>
${items}
<p class="muted" style="margin-top:8mm">Møteinnkalling fra ${esc(letterhead.unitName)}. Spørsmål: ${esc(letterhead.coordinatorName)}, telefon ${esc(letterhead.coordinatorPhone || letterhead.unitPhone)}.</p>`;
  return printDocument({ title: 'Dagsorden', letterhead, printedAt, body: style + body });
}

export function minutesDocument(m: PrintableMeeting, minutes: PrintableMinutes, letterhead: Letterhead, privacy: PatientPrintPrivacy, printedAt: Date): string {
  const state =
    minutes.status === 'final' && minutes.finalizedAt
      ? `Versjon ${minutes.version}, ferdigstilt ${esc(formatDate(utcToOslo(minutes.finalizedAt).date))}${minutes.finalizedBy ? ` av ${esc(minutes.finalizedBy)}` : ''}`
      : `Versjon ${minutes.version} – UTKAST, ikke ferdigstilt`;
  const notes = minutes.notes
    .map((n, i) => `<h3>${i + 1}. ${esc(n.title)}</h3>${n.note ? `<p>${escLines(n.note)}</p>` : '<p class="muted">Ingen notater.</p>'}`)
    .join('');
  const actions =
    minutes.actions.length === 0
      ? '<p class="muted">Ingen oppfølgingspunkter.</p>'
      : `<table><thead><tr><th>Oppfølgingspunkt</th><th>Ansvarlig</th><th style="width:24mm">Frist</th><th style="width:18mm">Status</th></tr></thead><tbody>${minutes.actions
          .map(
            (a) =>
              `<tr><td>${escLines(a.text)}</td><td>${esc(a.owner)}</td><td>${a.dueDate ? esc(formatDate(a.dueDate)) : ''}</td><td>${a.done ? 'Utført' : 'Åpen'}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const body = `
<h1>Referat – samarbeidsmøte</h1>
<p class="state">${state}</p>
${facts(m, privacy)}
<h2>Deltakere</h2>
${participantsTable(m, privacy)}
<h2>Saker</h2>
${notes || '<p class="muted">Ingen saker.</p>'}
<h2>Beslutninger</h2>
${minutes.decisions ? `<p>${escLines(minutes.decisions)}</p>` : '<p class="muted">Ingen beslutninger er skrevet.</p>'}
<h2>Oppfølgingspunkter</h2>
${actions}
<p class="muted" style="margin-top:8mm">Referatet er taushetsbelagt. Det sendes bare til deltakere som pasientens samtykke dekker.</p>`;
  return printDocument({ title: minutes.status === 'final' ? 'Referat' : 'Referat (utkast)', letterhead, printedAt, body: style + body });
}

const style = `<style>
.facts-table th { font-size: 10.5pt; font-weight: 600; border-bottom: 0; }
.facts-table td { border-bottom: 0; }
.facts-table { margin-bottom: 2mm; }
ol.agenda li { margin-bottom: 2.5mm; }
.state { font-weight: 600; }
</style>`;

/**
 * The meeting invitation as a letter (issue #13 §2): one window-envelope sheet per addressee — the patient, and for a
 * patient under 18 the guardians the rules name, each with the sentence that says why they get it. No diagnosis.
 */
export function invitationLetters(
  m: Pick<PrintableMeeting, 'kind' | 'startAt' | 'durationMinutes' | 'place' | 'videoUrl' | 'agenda'> & { patientName: string },
  sheets: readonly { lines: string[]; preface: string | null }[],
  letterhead: Letterhead,
  printedAt: Date,
): { html: string; text: string } {
  const subject = 'Innkalling til samarbeidsmøte';
  const when = meetingTimeText(m.startAt, m.durationMinutes);
  const paragraphs = [
    `Vi inviterer til samarbeidsmøte (${MEETING_KIND_LABELS[m.kind].toLowerCase()}) om oppfølgingen av ${m.patientName}.`,
    `Tid: ${when}.`,
    m.place ? `Sted: ${m.place}.` : '',
    m.videoUrl ? `Møtet kan også følges på video: ${m.videoUrl}` : '',
    'Du kan ta med deg noen du stoler på.',
    `Gi beskjed til ${letterhead.coordinatorName || 'oss'} på telefon ${(letterhead.coordinatorName && letterhead.coordinatorPhone) || letterhead.unitPhone} hvis tidspunktet ikke passer.`,
  ].filter(Boolean);
  const agenda = m.agenda.length ? `<h2>Dette skal vi snakke om</h2><ol>${m.agenda.map((a) => `<li>${esc(a.title)}</li>`).join('')}</ol>` : '';
  const body = `<h1>${esc(subject)}</h1>\n${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}\n${agenda}\n<p>Vennlig hilsen<br>${esc(letterhead.coordinatorName)}<br>${esc(letterhead.unitName)}</p>`;
  const sheetBody = (preface: string | null) => (preface ? `<p><strong>${esc(preface)}</strong></p>\n${body}` : body);
  const html = printDocument({
    title: 'Innkalling',
    letterhead,
    printedAt,
    body,
    pageNumbers: false,
    sheets: sheets.map((s) => ({ recipientAddress: s.lines, body: sheetBody(s.preface) })),
  });
  const text = sheets
    .map((s) => [s.lines.join('\n'), ...(s.preface ? [s.preface] : []), subject, ...paragraphs, ...m.agenda.map((a, i) => `${i + 1}. ${a.title}`)].join('\n\n'))
    .join('\n\n— — —\n\n');
  return { html, text };
}
