import { Alert, BodyShort, Button, Heading, Modal, ProgressBar, Search, Select } from '@navikt/ds-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NEXT_STEP_KIND_LABELS, NEXT_STEP_KINDS, type NextStepKind, type QueueRow } from '../../../../shared/contract/no-show';
import type { LetterRecipient } from '../../../../shared/domain/no-show-policy';
import { keepPreviousData } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { EmptyState } from '../../components/EmptyState';
import { PrintPreview } from '../../components/PrintPreview';
import { markPrinted } from './mark-printed';
import { useNoShowQueue } from '../../stores/no-show';
import { EscalatedList } from './EscalatedList';
import { formatDate, formatDateTime } from '../../../../shared/domain/time';
import { useUi } from '../../stores/ui';
import { openWithNew, useNewAction } from '../shell/new-action';
import { useArrivalFocus } from '../shell/arrival-focus';
import { DueDate } from '../../components/DueDate';
import './no-show.css';

type DueLetter = { caseId: number; patientId: number; name: string; recipient: LetterRecipient; label: string; due: string };

const NO_ROWS: QueueRow[] = [];
const NO_LETTERS: DueLetter[] = [];

/** "Ikke møtt": open follow-up cases for the whole caseload, what is due first at the top. */
export function NoShowQueueScreen() {
  const navigated = useUi((s) => s.navigated);
  const { search, step, searchChanged: setSearch, stepChanged: setStep, selected: chosen, selectionMoved: setSelected } = useNoShowQueue();
  const queue = useContractQuery(
    'noShow.list',
    { limit: 500, ...(search.trim() ? { search: search.trim() } : {}), ...(step ? { step } : {}) },
    { placeholderData: keepPreviousData },
  );
  const due = useContractQuery('noShow.listDueLetters', {});
  const rows: QueueRow[] = queue.data?.rows ?? NO_ROWS;
  const total = queue.data?.total ?? 0;
  const loaded = queue.data !== undefined || queue.isError;
  const error = queue.error?.message ?? null;
  const dueLetters: DueLetter[] = due.data?.items ?? NO_LETTERS;
  const selected = Math.min(chosen, Math.max(0, rows.length - 1));
  const [batchOpen, setBatchOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === '/' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useArrivalFocus(gridRef, loaded);

  useEffect(() => {
    document.getElementById(`ns-row-${rows[selected]?.caseId}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, rows]);

  const open = (row: QueueRow | undefined) => row && navigated({ screen: 'patient', patientId: row.patientId, from: 'no-show', section: 'no-show' });
  // `n`: a contact attempt in the chosen case (its patient's "Ikke møtt" tab opens with the dialog).
  useNewAction(
    'Registrer kontaktforsøk i valgt sak',
    () => {
      const row = rows[selected];
      if (row) openWithNew(() => open(row));
    },
    rows.length > 0,
  );

  function onKeyDown(e: KeyboardEvent) {
    const move = (to: number) => setSelected(Math.max(0, Math.min(to, rows.length - 1)));
    if (e.key === 'ArrowDown' || e.key === 'j') move(selected + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(selected - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === 'Enter') open(rows[selected]);
    else return;
    e.preventDefault();
  }

  const filtered = search.trim() !== '' || step !== '';
  const active = rows[selected];
  return (
    <section aria-labelledby="noshow-title">
      <div className="screen-title">
        <Heading level="1" size="medium" id="noshow-title">
          Ikke møtt
        </Heading>
        <span className="muted" aria-live="polite">
          {total} {total === 1 ? 'åpen sak' : 'åpne saker'}
        </span>
      </div>
      <div className="toolbar" role="search">
        <div className="ns-search">
          <Search
            ref={searchRef}
            size="small"
            label="Søk på navn eller fødselsnummer (/)"
            variant="simple"
            value={search}
            onChange={(v) => setSearch(v)}
            onClear={() => setSearch('')}
            htmlSize={28}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'ArrowDown') gridRef.current?.focus();
            }}
          />
        </div>
        <Select size="small" label="Neste steg" value={step} onChange={(e) => setStep(e.target.value as NextStepKind | '')}>
          <option value="">Alle steg</option>
          {NEXT_STEP_KINDS.map((k) => (
            <option key={k} value={k}>
              {NEXT_STEP_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Button size="small" variant={dueLetters.length ? 'primary' : 'secondary'} onClick={() => setBatchOpen(true)} disabled={dueLetters.length === 0}>
          Dagens brev ({dueLetters.length})
        </Button>
      </div>
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      {loaded && rows.length === 0 ? (
        filtered ? (
          <EmptyState title="Ingen treff">Ingen åpne saker passer med søket eller filteret. Tøm søket for å se hele køen.</EmptyState>
        ) : (
          <EmptyState title="Ingen åpne saker om ikke møtt">
            Her følger du opp pasienter som ikke møtte til timen sin: kontaktforsøk, brev og frister, med det som haster øverst. En sak opprettes når du
            registrerer «Ikke møtt» på en time under fanen Timer på pasientsiden.
          </EmptyState>
        )
      ) : (
        <div
          ref={gridRef}
          className="grid ns-grid"
          role="grid"
          aria-label="Ikke møtt"
          aria-rowcount={total + 1}
          tabIndex={0}
          aria-activedescendant={active ? `ns-row-${active.caseId}` : undefined}
          onKeyDown={onKeyDown}
          data-testid="noshow-grid"
        >
          <div className="grid-head ns-row" role="row" aria-rowindex={1}>
            <div role="columnheader">Pasient</div>
            <div role="columnheader">Fødselsnr.</div>
            <div role="columnheader">Telefon</div>
            <div role="columnheader">Ikke møtt</div>
            <div role="columnheader">Neste steg</div>
            <div role="columnheader">Frist</div>
            <div role="columnheader" className="num">
              Forsøk
            </div>
          </div>
          <div role="rowgroup">
            {rows.map((r, i) => (
              <div
                key={r.caseId}
                id={`ns-row-${r.caseId}`}
                className="grid-row ns-row"
                role="row"
                aria-rowindex={i + 2}
                aria-selected={i === selected}
                onClick={() => setSelected(i)}
                onDoubleClick={() => open(r)}
              >
                <div role="gridcell">{r.name}</div>
                <div role="gridcell" className="mono">
                  {r.nationalIdMasked}
                  {r.synthetic && <span className="muted"> (test)</span>}
                </div>
                <div role="gridcell" className="mono ns-nowrap">
                  {r.phone ? (
                    <a href={`tel:${r.phone.replace(/\s/g, '')}`} tabIndex={-1}>
                      {r.phone}
                    </a>
                  ) : (
                    <span className="muted">Mangler</span>
                  )}
                </div>
                <div role="gridcell">{formatDateTime(r.noShowAt)}</div>
                <div role="gridcell">{r.next.label}</div>
                <div role="gridcell">
                  <DueDate due={r.next.due} window="noShow" compact />
                </div>
                <div role="gridcell" className="num">
                  {r.attemptCount}
                </div>
              </div>
            ))}
          </div>
        </div>
      )}
      <EscalatedList />
      <BatchDialog open={batchOpen} onClose={() => setBatchOpen(false)} items={dueLetters} />
    </section>
  );
}

/** The day's letters in one document: each is rendered and stored first (with progress), then printed together. */
function BatchDialog({ open, onClose, items: due }: { open: boolean; onClose: () => void; items: DueLetter[] }) {
  // A letter to the municipal coordinator needs this patient's consent or another basis (issue #13): it is made
  // from the patient's page, where the basis is asked, never in a batch.
  const items = due.filter((it) => it.recipient !== 'municipal_coordinator');
  const municipal = due.filter((it) => it.recipient === 'municipal_coordinator');
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  // After the letters are made, the list stays (with ✓) until the person opens the document to print.
  const [doc, setDoc] = useState<{ html: string; letterIds: number[] } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  // Aksel's Modal reports every close, also when we hide it to show the preview: that one is not a cancel.
  const toPreview = useRef(false);

  const close = () => {
    setDone(0);
    setRunning(false);
    setFailed(null);
    setDoc(null);
    setPreviewing(false);
    onClose();
  };
  async function prepare() {
    setRunning(true);
    setFailed(null);
    const ids: number[] = [];
    for (const [i, item] of items.entries()) {
      const res = await call('noShow.createLetter', { caseId: item.caseId, recipient: item.recipient });
      if (!res.ok) {
        setFailed(`Brev ${i + 1} (${item.label}) kunne ikke lages: ${res.error.message}`);
        setRunning(false);
        return;
      }
      ids.push(res.value.letter.id);
      setDone(i + 1);
    }
    const res = await call('noShow.getBatchDocument', { letterIds: ids });
    setRunning(false);
    if (!res.ok) return setFailed(res.error.message);
    setDoc({ html: res.value.html, letterIds: ids });
  }

  return (
    <>
      <Modal
        open={open && !previewing}
        onClose={() => {
          if (toPreview.current) toPreview.current = false;
          else close();
        }}
        header={{ heading: 'Dagens brev' }}
        width={600}
      >
        <Modal.Body>
          <BodyShort spacing>
            {items.length === 1 ? '1 brev' : `${items.length} brev`} skal sendes i dag eller er over fristen. De samles i ett dokument med ett brev per side,
            klare for vinduskonvolutt.
          </BodyShort>
          <ul className="ns-batch-list">
            {items.map((it, i) => (
              <li key={`${it.caseId}-${it.recipient}`} className={i < done ? 'done' : ''}>
                <span aria-hidden="true">{i < done ? '✓' : '○'} </span>
                {it.name}: {it.label} <span className="muted">(frist {formatDate(it.due)})</span>
              </li>
            ))}
          </ul>
          {municipal.length > 0 && (
            <Alert variant="info" size="small" style={{ marginBottom: 12 }}>
              {municipal.length === 1 ? '1 brev til koordinator i kommunen er' : `${municipal.length} brev til koordinator i kommunen er`} ikke med: grunnlaget
              for å dele (samtykke eller annet rettslig grunnlag) må registreres for hver pasient. {municipal.length === 1 ? 'Lag det' : 'Lag dem'} fra
              pasientens side under Ikke møtt: {municipal.map((it) => it.name).join(', ')}.
            </Alert>
          )}
          {(running || done > 0) && (
            <div className="ns-progress">
              <BodyShort size="small" id="batch-progress-label" aria-live="polite">
                {doc ? `Brevene er klare: ${doc.letterIds.length} av ${doc.letterIds.length}` : `Lager brev ${done} av ${items.length}`}
              </BodyShort>
              <ProgressBar size="small" value={done} valueMax={Math.max(items.length, 1)} aria-labelledby="batch-progress-label" />
            </div>
          )}
          {failed && (
            <Alert variant="error" size="small" role="alert">
              {failed}
            </Alert>
          )}
        </Modal.Body>
        <Modal.Footer>
          {doc ? (
            <Button
              size="small"
              onClick={() => {
                toPreview.current = true;
                setPreviewing(true);
              }}
            >
              Vis og skriv ut ({doc.letterIds.length} brev)
            </Button>
          ) : (
            <Button size="small" onClick={() => void prepare()} loading={running} disabled={items.length === 0}>
              Lag brevene
            </Button>
          )}
          <Button size="small" variant="secondary" onClick={close}>
            Avbryt
          </Button>
        </Modal.Footer>
      </Modal>
      <PrintPreview
        open={previewing && doc !== null}
        onClose={close}
        html={doc?.html ?? null}
        heading={`Dagens brev (${doc?.letterIds.length ?? 0})`}
        onPrinted={() => (doc ? markPrinted(doc.letterIds) : undefined)}
      />
    </>
  );
}
