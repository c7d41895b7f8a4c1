import { Alert, BodyShort, Button, Heading, Table, Tag } from '@navikt/ds-react';
import { useState } from 'react';
import { APPOINTMENT_KIND_LABELS } from '../../../../shared/contract/appointments';
import { CASE_STATUS_LABELS, type NoShowCaseView } from '../../../../shared/contract/no-show';
import { ATTEMPT_OUTCOME_LABELS, CASE_OUTCOME_LABELS, CHANNEL_LABELS, RECIPIENT_LABELS, type LetterRecipient } from '../../../../shared/domain/no-show-policy';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { EmptyState } from '../../components/EmptyState';
import { PrintPreview } from '../../components/PrintPreview';
import { markPrinted } from './mark-printed';
import { formatDate, formatDateTime } from '../../../../shared/domain/time';
import { useUi } from '../../stores/ui';
import { BookAppointmentDialog } from '../appointments/AppointmentsSection';
import type { PatientSectionProps } from '../patient/sections';
import { DueDate } from '../../components/DueDate';
import './no-show.css';
import { CloseDialog } from './CloseDialog';
import { useNewAction } from '../shell/new-action';
import { AnswerDialog } from './EscalatedList';
import { SharingBasisDialog } from './SharingBasisDialog';
import { AttemptDialog, EscalateDialog } from './NoShowCaseDialogs';

type Preview = { heading: string; html: string; letterIds: number[]; warnings: string[] };

/** Patient page, tab "Ikke møtt": the patient's follow-up cases, open ones first. */
export function NoShowSection({ patient, pathways }: PatientSectionProps) {
  const { data: value, error: failure } = useContractQuery('noShow.listForPatient', { patientId: patient.id });
  const error = failure?.message;
  const cases = value?.cases ?? null;
  const navigated = useUi((s) => s.navigated);

  if (!cases)
    return error ? (
      <Alert variant="error" size="small">
        {error}
      </Alert>
    ) : null;
  if (cases.length === 0) {
    return (
      <EmptyState
        title="Ingen saker om ikke møtt"
        action={
          <Button
            size="small"
            variant="secondary"
            onClick={() => navigated({ screen: 'patient', patientId: patient.id, from: 'worklist', section: 'appointments' })}
          >
            Gå til Timer
          </Button>
        }
      >
        Når pasienten ikke møter til en time, registrerer du det under Timer. Da opprettes en sak her med kontaktforsøk, brev og frister.
      </EmptyState>
    );
  }
  return (
    <div className="ns-cases">
      {cases.map((c) => (
        <CaseCard key={c.id} kase={c} pathways={pathways} first={c === cases.find((x) => x.status === 'open')} />
      ))}
    </div>
  );
}

function CaseCard({ kase: c, pathways, first }: { kase: NoShowCaseView; pathways: PatientSectionProps['pathways']; first: boolean }) {
  const [dialog, setDialog] = useState<null | 'attempt' | 'close' | 'escalate' | 'book'>(null);
  // `n`: a contact attempt in the first open case.
  useNewAction('Registrer kontaktforsøk', () => setDialog('attempt'), first);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = c.status === 'open';
  const headingId = `case-${c.id}-title`;

  const [askBasis, setAskBasis] = useState(false);
  const [answering, setAnswering] = useState(false);
  async function letter(recipient: LetterRecipient) {
    setError(null);
    // Sharing with the municipality needs consent or another basis: asked (and the letter made) in its dialog.
    if (recipient === 'municipal_coordinator') return setAskBasis(true);
    const res = await call('noShow.createLetter', { caseId: c.id, recipient });
    if (!res.ok) return setError(res.error.message);
    setPreview({
      heading: `Brev til ${RECIPIENT_LABELS[recipient].toLowerCase()}`,
      html: res.value.html,
      letterIds: [res.value.letter.id],
      warnings: res.value.warnings,
    });
  }
  async function reprint(id: number) {
    const res = await call('noShow.getLetter', { id });
    if (!res.ok) return setError(res.error.message);
    setPreview({ heading: 'Sendt brev', html: res.value.html, letterIds: [id], warnings: [] });
  }
  async function postponed() {
    const res = await call('noShow.recordPostponed', { caseId: c.id, version: c.version });
    if (!res.ok) setError(res.error.message);
  }

  const recipients: LetterRecipient[] = [...new Set<LetterRecipient>(['patient', 'referrer', ...c.lettersMissing])];
  return (
    <section className={`ns-case ns-case-${c.status}`} aria-labelledby={headingId}>
      {askBasis && (
        <SharingBasisDialog
          caseId={c.id}
          onClose={() => setAskBasis(false)}
          onCreated={(res) => {
            setAskBasis(false);
            setPreview({
              heading: `Brev til ${RECIPIENT_LABELS.municipal_coordinator.toLowerCase()}`,
              html: res.html,
              letterIds: [res.letter.id],
              warnings: res.warnings,
            });
          }}
        />
      )}
      <div className="ns-case-head">
        <Heading level="3" size="xsmall" id={headingId}>
          Ikke møtt {formatDate(c.appointment.date)} kl. {c.appointment.time}
        </Heading>
        <Tag size="xsmall" variant={open ? 'warning' : c.status === 'escalated' ? 'error' : 'neutral'}>
          {CASE_STATUS_LABELS[c.status]}
        </Tag>
        <span className="muted">
          {APPOINTMENT_KIND_LABELS[c.appointment.kind]}
          {[c.appointment.clinician, c.appointment.place].filter(Boolean).length > 0 &&
            `, ${[c.appointment.clinician, c.appointment.place].filter(Boolean).join(', ')}`}
        </span>
      </div>

      {error && (
        <Alert variant="error" size="small" role="alert">
          {error}
        </Alert>
      )}
      {c.next && (
        <BodyShort className="ns-next">
          Neste: <strong>{c.next.label}</strong> – <DueDate due={c.next.due} window="noShow" />
        </BodyShort>
      )}
      {c.suggestPostponed && (
        <Alert variant="warning" size="small" className="ns-postponed">
          Pasienten møtte ikke, og aktiviteten er forsinket mer enn 7 virkedager (ny dato mot planlagt dato, eller til i dag når ny time ikke er avtalt).
          Pasientutsatt (L) bør registreres på forløpet.{' '}
          <Button size="xsmall" variant="secondary" onClick={() => void postponed()}>
            Registrer pasientutsatt (L)
          </Button>
        </Alert>
      )}
      {c.postponedRecorded && (
        <BodyShort size="small" className="muted">
          Pasientutsatt (L) er registrert på forløpet fra {formatDate(c.appointment.date)}.
        </BodyShort>
      )}
      {!open && c.status !== 'withdrawn' && c.outcome && (
        <BodyShort size="small">
          <strong>{CASE_OUTCOME_LABELS[c.outcome]}</strong>
          {c.closedAt && ` ${formatDateTime(c.closedAt)}`}
          {c.closedBy && ` av ${c.closedBy}`}
          {c.closeNote && `. ${c.closeNote}`}
        </BodyShort>
      )}
      {c.closeOverrideReason && (
        <BodyShort size="small">
          Avsluttet før svarfristen{c.answerDue && ` ${formatDate(c.answerDue)}`}: «{c.closeOverrideReason}»
        </BodyShort>
      )}
      {c.escalation && (
        <BodyShort size="small" className="ns-escalation">
          {c.escalation.answeredAt ? (
            <>
              <strong>Svar fra behandler</strong> {formatDateTime(c.escalation.answeredAt)}: «{c.escalation.answer}»
            </>
          ) : (
            <>
              <strong>Venter på svar fra behandler.</strong>{' '}
              <Button size="xsmall" variant="secondary" onClick={() => setAnswering(true)}>
                Registrer svar
              </Button>
            </>
          )}
        </BodyShort>
      )}
      {c.status === 'withdrawn' && (
        <BodyShort size="small">
          <strong>Ikke møtt ble angret</strong>
          {c.closedAt && ` ${formatDateTime(c.closedAt)}`}
          {c.closedBy && ` av ${c.closedBy}`}: «{c.withdrawnReason}»
        </BodyShort>
      )}

      {c.status !== 'withdrawn' && (
        <ol className="ns-steps" aria-label="Steg i saken">
          {c.steps.map((s, i) => (
            <li key={i} className={s.done ? 'done' : ''}>
              <span aria-hidden="true">{s.done ? '✓' : '○'} </span>
              <span>{s.label}</span>
              {!s.required && <span className="muted"> (ekstra)</span>}
              <span className="muted">
                {' – '}
                {s.done ? (s.at ? `utført ${formatDateTime(s.at)}` : 'utført') : s.due ? `frist ${formatDate(s.due)}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}

      {c.status !== 'withdrawn' && (
        <div className="toolbar ns-actions">
          {open && (
            <Button size="small" onClick={() => setDialog('attempt')}>
              Registrer kontaktforsøk
            </Button>
          )}
          {recipients.map((r) => (
            <Button key={r} size="small" variant="secondary" onClick={() => void letter(r)}>
              Brev til {RECIPIENT_LABELS[r].toLowerCase()}
            </Button>
          ))}
          {open && (
            <>
              <Button size="small" variant="secondary" onClick={() => setDialog('book')}>
                Ny time avtalt
              </Button>
              <Button size="small" variant="secondary" onClick={() => setDialog('close')}>
                Avslutt saken
              </Button>
            </>
          )}
          {c.status !== 'escalated' && (
            <Button size="small" variant="danger" onClick={() => setDialog('escalate')}>
              Meld til behandler
            </Button>
          )}
        </div>
      )}

      {c.attempts.length > 0 && (
        <Table size="small" aria-label="Kontaktforsøk" className="ns-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Kontaktforsøk</Table.HeaderCell>
              <Table.HeaderCell scope="col">Kanal</Table.HeaderCell>
              <Table.HeaderCell scope="col">Utfall</Table.HeaderCell>
              <Table.HeaderCell scope="col">Utført av</Table.HeaderCell>
              <Table.HeaderCell scope="col">Notat</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {c.attempts.map((a) => (
              <Table.Row key={a.id}>
                <Table.DataCell>{formatDateTime(a.at)}</Table.DataCell>
                <Table.DataCell>{CHANNEL_LABELS[a.channel]}</Table.DataCell>
                <Table.DataCell>{ATTEMPT_OUTCOME_LABELS[a.outcome]}</Table.DataCell>
                <Table.DataCell>{a.byName}</Table.DataCell>
                <Table.DataCell>{a.note}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {c.letters.length > 0 && (
        <Table size="small" aria-label="Brev" className="ns-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Brev</Table.HeaderCell>
              <Table.HeaderCell scope="col">Mottaker</Table.HeaderCell>
              <Table.HeaderCell scope="col">Skrevet ut</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">Handlinger</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {c.letters.map((l) => (
              <Table.Row key={l.id}>
                <Table.DataCell>{l.subject}</Table.DataCell>
                <Table.DataCell>{RECIPIENT_LABELS[l.recipient]}</Table.DataCell>
                <Table.DataCell>
                  {l.printedAt ? (
                    `${formatDateTime(l.printedAt)}${l.printCount > 1 ? ` (${l.printCount} ganger)` : ''}`
                  ) : (
                    <span className="muted">Ikke skrevet ut (utkast)</span>
                  )}
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Button size="xsmall" variant="tertiary" onClick={() => void reprint(l.id)}>
                    {l.printedAt ? 'Vis og skriv ut igjen' : 'Vis og skriv ut'}
                  </Button>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}

      <AttemptDialog open={dialog === 'attempt'} onClose={() => setDialog(null)} caseId={c.id} />
      <CloseDialog open={dialog === 'close'} onClose={() => setDialog(null)} kase={c} />
      <AnswerDialog row={answering ? { caseId: c.id, name: c.patientName } : null} onClose={() => setAnswering(false)} />
      <EscalateDialog open={dialog === 'escalate'} onClose={() => setDialog(null)} caseId={c.id} version={c.version} />
      <BookAppointmentDialog open={dialog === 'book'} onClose={() => setDialog(null)} patientId={c.patientId} pathways={pathways} noShowCaseId={c.id} />
      <PrintPreview
        open={preview !== null}
        onClose={() => setPreview(null)}
        html={preview?.html ?? null}
        heading={preview?.heading ?? ''}
        notice={
          preview && preview.warnings.length > 0 ? (
            <Alert variant="warning" size="small" style={{ marginBottom: 8 }}>
              <BodyShort size="small" weight="semibold">
                Kontroller brevet før det skrives ut:
              </BodyShort>
              <ul className="ns-missing">
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Alert>
          ) : undefined
        }
        onPrinted={() => (preview ? markPrinted(preview.letterIds) : undefined)}
      />
    </section>
  );
}
