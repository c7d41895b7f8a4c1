import { Alert, Button, Heading, Search, Select, Table } from '@navikt/ds-react';
import { useRef, useState, type ChangeEvent } from 'react';
import type { Contact } from '../../../../shared/contract/contacts';
import { CONTACT_ROLE_LABELS, CONTACT_ROLES, type ContactRole } from '../../../../shared/domain/contact-roles';
import { keepPreviousData } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { RowTable } from '../../components/RowTable';
import { Options } from '../../forms/fields';
import { downloadText, useScreenKeys } from '../meetings/keys';
import { useNewAction } from '../shell/new-action';
import { ContactDialog } from './ContactDialog';
import '../meetings/meetings.css';

interface ImportReport {
  imported: number;
  skipped: number;
  errors: { line: number; message: string }[];
}

export const roleLabel = (role: string) => CONTACT_ROLE_LABELS[role as ContactRole] ?? role;

/** Kontakter: municipal coordinators, GPs and other services — find as you type, import and export CSV. */
export function ContactsScreen() {
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const list = useContractQuery('contacts.list', { search, ...(role ? { role } : {}), limit: 200 }, { placeholderData: keepPreviousData });
  const rows = list.data?.rows ?? null;
  const total = list.data?.total ?? 0;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? list.error?.message ?? null;
  const [editing, setEditing] = useState<Contact | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const newContact = () => {
    setEditing(null);
    setDialogOpen(true);
  };
  useNewAction('Ny kontakt', newContact);
  useScreenKeys({ '/': () => searchRef.current?.focus() });

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const res = await call('contacts.importCsv', { text: await file.text() });
    if (!res.ok) return setError(res.error.message);
    setReport(res.value);
  }

  async function exportCsv() {
    const res = await call('contacts.getCsv', {});
    if (!res.ok) return setError(res.error.message);
    downloadText(res.value.filename, res.value.csv, 'text/csv;charset=utf-8');
  }

  // Deleting asks first, in the app; the answer comes back here.
  const [removing, setRemoving] = useState<Contact | null>(null);
  async function removeAnswered(confirmed: boolean) {
    const c = removing;
    setRemoving(null);
    if (!confirmed || !c) return;
    const res = await call('contacts.delete', { id: c.id });
    if (!res.ok) setError(res.error.message);
  }

  const filtered = search.trim() !== '' || role !== '';
  return (
    <section aria-labelledby="contacts-title">
      <div className="screen-title">
        <Heading level="1" size="medium" id="contacts-title">
          Kontakter
        </Heading>
        <span className="muted" aria-live="polite">
          {total} {total === 1 ? 'kontakt' : 'kontakter'}
        </span>
      </div>
      <div className="toolbar" role="search">
        <Search
          ref={searchRef}
          size="small"
          label="Søk på navn eller organisasjon (/)"
          hideLabel={false}
          variant="simple"
          value={search}
          onChange={setSearch}
          onClear={() => setSearch('')}
          htmlSize={28}
        />
        <Select size="small" label="Rolle" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">Alle roller</option>
          <Options values={CONTACT_ROLES} labels={CONTACT_ROLE_LABELS} />
        </Select>
        <Button size="small" onClick={newContact}>
          Ny kontakt (n)
        </Button>
        <Button size="small" variant="secondary" onClick={() => fileRef.current?.click()}>
          Importer CSV
        </Button>
        <input ref={fileRef} type="file" accept=".csv,text/csv" hidden onChange={importFile} data-testid="contacts-import-file" aria-label="Velg CSV-fil" />
        <Button size="small" variant="secondary" onClick={exportCsv} disabled={total === 0 && !filtered}>
          Eksporter CSV
        </Button>
      </div>
      {error && (
        <Alert variant="error" size="small">
          {error}
        </Alert>
      )}
      {report && <ImportReportView report={report} onClose={() => setReport(null)} />}
      {rows === null ? null : rows.length === 0 ? (
        filtered ? (
          <EmptyState title="Ingen treff">Ingen kontakter passer med søket. Søk på begynnelsen av et navn eller en organisasjon.</EmptyState>
        ) : (
          <EmptyState
            title="Kontaktlisten er tom"
            action={
              <Button size="small" onClick={newContact}>
                Legg inn første kontakt
              </Button>
            }
          >
            Her samler du koordinatorer i kommunene, fastleger og andre tjenester (NAV, skole, barnevern), så du finner dem når du planlegger samarbeidsmøter.
            Legg inn en kontakt (tast <kbd>n</kbd>) eller importer en CSV-fil fra Excel.
          </EmptyState>
        )
      ) : (
        <RowTable
          label="Kontakter"
          rows={rows}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Navn', cell: (c) => c.name },
            { header: 'Rolle', cell: (c) => roleLabel(c.role) },
            { header: 'Organisasjon', cell: (c) => c.organisation },
            { header: 'Kommune', cell: (c) => c.municipalityName ?? c.municipalityNumber },
            { header: 'Telefon', className: 'mono', cell: (c) => c.phone },
            { header: 'E-post', cell: (c) => c.email },
            { header: 'Postadresse', cell: (c) => [c.address, `${c.postalCode} ${c.postalPlace}`.trim()].filter(Boolean).join(', ') },
          ]}
          action={{
            header: 'Handlinger',
            cell: (c) => (
              <>
                <Button
                  size="xsmall"
                  variant="tertiary"
                  onClick={() => {
                    setEditing(c);
                    setDialogOpen(true);
                  }}
                  aria-label={`Endre ${c.name}`}
                >
                  Endre
                </Button>
                <Button size="xsmall" variant="tertiary-neutral" onClick={() => setRemoving(c)} aria-label={`Slett ${c.name}`}>
                  Slett
                </Button>
              </>
            ),
          }}
        />
      )}
      {total > (rows?.length ?? 0) && (
        <p className="muted">
          Viser {rows?.length} av {total}. Søk for å finne flere.
        </p>
      )}
      {removing && (
        <ConfirmDialog heading="Slette kontakten?" confirmLabel="Slett" onAnswer={(yes) => void removeAnswered(yes)}>
          {removing.name} slettes fra kontaktlisten. Møter der kontakten var med, beholder navnet.
        </ConfirmDialog>
      )}
      <ContactDialog open={dialogOpen} contact={editing} onClose={() => setDialogOpen(false)} onSaved={() => undefined} />
    </section>
  );
}

function ImportReportView({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  if (report.errors.length === 0) {
    return (
      <Alert variant="success" size="small" closeButton onClose={onClose} style={{ marginBottom: 8 }}>
        {report.imported} {report.imported === 1 ? 'kontakt' : 'kontakter'} importert.
        {report.skipped > 0 && ` ${report.skipped} fantes fra før og ble hoppet over.`}
      </Alert>
    );
  }
  return (
    <Alert variant="error" size="small" closeButton onClose={onClose} style={{ marginBottom: 8 }}>
      <Heading level="2" size="xsmall" spacing>
        Ingenting ble importert
      </Heading>
      <p style={{ margin: '0 0 6px' }}>
        {new Set(report.errors.map((e) => e.line)).size} rader kunne ikke leses. Rett dem i regnearket og importer hele filen på nytt.
      </p>
      <Table size="small" aria-label="Rader som ikke kunne leses">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Rad</Table.HeaderCell>
            <Table.HeaderCell>Hva er galt</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {report.errors.map((e, i) => (
            <Table.Row key={i}>
              <Table.DataCell>{e.line}</Table.DataCell>
              <Table.DataCell>{e.message}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Alert>
  );
}
