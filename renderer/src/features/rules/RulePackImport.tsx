import { Alert, BodyShort, Button, ErrorMessage, Heading, Table, Tag } from '@navikt/ds-react';
import { useId, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { formatDate, formatDateTime } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';

type Preview = Output<'rules.previewPack'>;
type Imported = Output<'rules.importPack'>;
const CHANGE = { added: ['Lagt til', 'success'], changed: ['Endret', 'warning'], removed: ['Fjernet', 'error'] } as const;

/**
 * Regler › "Oppdater nasjonal regelpakke" (issue #13 §2): choose a dated pack file, see what it changes, import it
 * for new pathways from its date, then move open pathways if the unit wants to. Errors stand by the file field.
 */
export function RulePackImport() {
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [imported, setImported] = useState<Imported | null>(null);
  const [moved, setMoved] = useState<Record<string, string>>({});
  const imports = useContractQuery('rules.listPackImports', {});

  async function choose(f: File | undefined) {
    setPreview(null);
    setImported(null);
    setMoved({});
    setProblems([]);
    if (!f) return setFile(null);
    const chosen = { fileName: f.name, content: await f.text() };
    setFile(chosen);
    const res = await call('rules.previewPack', chosen);
    if (res.ok) setPreview(res.value);
    else setProblems(res.error.issues?.length ? res.error.issues.map((i) => i.message) : [res.error.message]);
  }

  async function apply() {
    if (!file) return;
    const res = await call('rules.importPack', file);
    if (!res.ok) return setProblems(res.error.issues?.length ? res.error.issues.map((i) => i.message) : [res.error.message]);
    setImported(res.value);
  }

  async function move(versionId: string, label: string) {
    const res = await call('rules.moveOpenPathways', { versionId });
    setMoved((m) => ({
      ...m,
      [versionId]: res.ok
        ? `${res.value.moved} åpne forløp i ${label.toLowerCase()} er flyttet til den nye versjonen. Flyttingen er logget.`
        : res.error.message,
    }));
  }

  return (
    <section className="rules-pathway" aria-labelledby="rules-pack">
      <Heading level="2" size="small" id="rules-pack" spacing>
        Oppdater nasjonal regelpakke
      </Heading>
      <BodyShort size="small" spacing className="muted" style={{ maxWidth: 820 }}>
        Når Helsedirektoratet endrer forløpstidene, kan du lese inn en datert regelpakke (JSON). Du ser først hva som endres. Etter importen får nye forløp med
        henvisning mottatt fra pakkens dato de nye tidene; forløp som er i gang beholder sine til du flytter dem.
      </BodyShort>
      <div style={{ display: 'grid', gap: 4, maxWidth: 720, justifyItems: 'start' }}>
        {/* The browser's own file button speaks English: a Norwegian button opens the same file picker. */}
        <input ref={input} id={inputId} type="file" accept=".json,application/json" hidden onChange={(e) => void choose(e.target.files?.[0])} />
        <Button size="small" variant="secondary" onClick={() => input.current?.click()} aria-describedby={problems.length ? errorId : undefined}>
          Velg regelpakkefil (JSON)
        </Button>
        {file && <BodyShort size="small">Valgt fil: {file.fileName}</BodyShort>}
        {problems.length > 0 && (
          <div id={errorId} role="alert">
            <ErrorMessage size="small">Filen kan ikke leses inn:</ErrorMessage>
            {problems.map((p) => (
              <ErrorMessage key={p} size="small" showIcon={false}>
                {p}
              </ErrorMessage>
            ))}
          </div>
        )}
      </div>
      {preview && !imported && <PackDiff preview={preview} onImport={() => void apply()} />}
      {imported && (
        <Alert variant="success" size="small" role="status" style={{ marginTop: 12, maxWidth: 820 }}>
          <BodyShort size="small" spacing>
            Regelpakken er importert og logget. Nye forløp med henvisning mottatt fra {formatDate(preview?.validFrom ?? null)} får de nye tidene.
          </BodyShort>
          {imported.versions.map((v) => (
            <div key={v.id} className="toolbar" style={{ marginTop: 4 }}>
              <BodyShort size="small">
                {v.label}: {v.openPathways} åpne forløp beholder sin versjon.
              </BodyShort>
              {v.openPathways > 0 && !moved[v.id] && (
                <Button size="xsmall" variant="secondary" onClick={() => void move(v.id, v.label)}>
                  Flytt {v.openPathways} åpne forløp til ny versjon
                </Button>
              )}
              {moved[v.id] && <BodyShort size="small">{moved[v.id]}</BodyShort>}
            </div>
          ))}
        </Alert>
      )}
      {(imports.data?.length ?? 0) > 0 && (
        <Table size="small" style={{ marginTop: 12, maxWidth: 1100 }}>
          <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>Importerte regelpakker</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Gjelder fra</Table.HeaderCell>
              <Table.HeaderCell scope="col">Pakke</Table.HeaderCell>
              <Table.HeaderCell scope="col">Fil og kontrollsum (SHA-256)</Table.HeaderCell>
              <Table.HeaderCell scope="col">Importert</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {imports.data!.map((i) => (
              <Table.Row key={i.id}>
                <Table.DataCell>{formatDate(i.validFrom)}</Table.DataCell>
                <Table.DataCell>
                  {i.title}
                  <div className="muted">{i.publisher}</div>
                </Table.DataCell>
                <Table.DataCell>
                  {i.fileName}
                  <div className="mono muted" title={i.sha256}>
                    {i.sha256.slice(0, 16)}…
                  </div>
                </Table.DataCell>
                <Table.DataCell>
                  {formatDateTime(i.importedAt)} av {i.importedBy}
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function PackDiff({ preview, onImport }: { preview: Preview; onImport: () => void }) {
  return (
    <div style={{ marginTop: 12 }} aria-label="Endringer i regelpakken" role="region">
      <Heading level="3" size="xsmall" spacing>
        {preview.title}
      </Heading>
      <BodyShort size="small" spacing>
        {preview.publisher}. Gjelder fra {formatDate(preview.validFrom)}. Kilde: {preview.source}
      </BodyShort>
      {preview.diffs.map((d) => (
        <div key={d.pathwayType} style={{ marginBottom: 12 }}>
          <Heading level="4" size="xsmall">
            {d.label}
          </Heading>
          <BodyShort size="small" className="muted">
            {d.replaces ? `Erstatter nasjonal versjon fra ${formatDate(d.replaces.validFrom)} for nye forløp.` : 'Ny nasjonal versjon (ingen fra før).'}{' '}
            {d.unchanged === 1 ? '1 forløpstid er uendret.' : `${d.unchanged} forløpstider er uendret.`}
            {d.clockStart && ` Klokken starter nå ${d.clockStart.after} (før: ${d.clockStart.before ?? 'ingen'}).`}
          </BodyShort>
          {d.times.length + d.codes.length > 0 ? (
            <Table size="small" aria-label={`Endringer for ${d.label}`} style={{ maxWidth: 1000 }}>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Endring</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Forløpstid eller kode</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Før</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Etter</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {[...d.times, ...d.codes].map((c) => (
                  <Table.Row key={`${c.change}/${c.label}`}>
                    <Table.DataCell>
                      <Tag size="xsmall" variant={CHANGE[c.change][1]}>
                        {CHANGE[c.change][0]}
                      </Tag>
                    </Table.DataCell>
                    <Table.DataCell>{c.label}</Table.DataCell>
                    <Table.DataCell>{c.before ?? '–'}</Table.DataCell>
                    <Table.DataCell>{c.after ?? '–'}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : (
            <BodyShort size="small">Ingen endringer for dette forløpet.</BodyShort>
          )}
        </div>
      ))}
      {preview.codesRefused && (
        <Alert variant="warning" size="small" style={{ marginBottom: 8 }}>
          {preview.codesRefused}
        </Alert>
      )}
      <Button size="small" onClick={onImport} disabled={preview.codesRefused !== null}>
        Importer regelpakken
      </Button>
    </div>
  );
}
