import { BodyShort, Button, Heading } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import type { Pathway } from '../../../../shared/contract/patients';
import { pathwayTypeLabel } from '../../../../shared/domain/pathway-types';
import { formatDate } from '../../../../shared/domain/time';
import { useRead } from './use-read';
import { InlineForm } from '../../components/InlineForm';
import { CheckboxInput, DateInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';
import { useRowVersion } from '../../forms/useRowVersion';
import { callOrThrow } from '../../api/query';
import { referrerContract } from '../../../../shared/contract/referrer';
import type { PatientSectionProps } from '../patient/sections';
import { copyText } from './copy';
import { ReadError } from '../../components/ReadError';

/** Patient page, tab "Henviser": the referrer of each pathway, and prepared texts to copy into the record system. */
export function ReferrerSection({ pathways }: PatientSectionProps) {
  if (pathways.length === 0) return <BodyShort className="muted">Pasienten har ingen forløp.</BodyShort>;
  return (
    <div style={{ display: 'grid', gap: 24 }}>
      {pathways.map((p) => (
        <PathwayReferrer key={p.id} pathway={p} />
      ))}
    </div>
  );
}

function PathwayReferrer({ pathway }: { pathway: Pathway }) {
  const { value: data, error } = useRead('referrer.get', { pathwayId: pathway.id });
  const [editing, setEditing] = useState(false);
  if (error || !data) return <ReadError error={error} />;
  const r = data.referrer;
  const headingId = `ref-${pathway.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level="3" size="xsmall" id={headingId} spacing>
        Henviser – {pathwayTypeLabel(pathway.pathwayType)}, mottatt {formatDate(pathway.referralReceived)}
      </Heading>
      {editing ? (
        <ReferrerForm pathwayId={pathway.id} initial={r} version={r?.version} onDone={() => setEditing(false)} />
      ) : (
        <>
          {r ? (
            <dl className="facts">
              <dt>Virksomhet</dt>
              <dd>
                {r.organisation}
                {r.isGp ? ' (fastlege)' : ''}
              </dd>
              <dt>Henviser</dt>
              <dd>{r.person || '–'}</dd>
              <dt>Adresse</dt>
              <dd>{[r.address, [r.postalCode, r.postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</dd>
              <dt>HER-id</dt>
              <dd className="mono">{r.herId || '–'}</dd>
              <dt>Henvisningsdato</dt>
              <dd>{formatDate(r.referralDate) || '–'}</dd>
            </dl>
          ) : (
            <BodyShort className="muted" spacing>
              Ingen henviser registrert.
            </BodyShort>
          )}
          <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
            {r ? 'Endre henviser' : 'Registrer henviser'}
          </Button>
        </>
      )}
      <Heading level="4" size="xsmall" spacing style={{ marginTop: 16 }}>
        Meldinger til henviser/fastlege
      </Heading>
      <BodyShort size="small" className="muted" spacing>
        Kopier teksten og lim den inn i meldingen i journalsystemet. Den sendes ikke herfra.
      </BodyShort>
      <div style={{ display: 'grid', gap: 12 }}>
        {data.messages.map((m) => (
          <MessageCard key={m.key} label={m.label} text={m.text} missing={m.missing} />
        ))}
      </div>
    </section>
  );
}

function MessageCard({ label, text, missing }: { label: string; text: string | null; missing: string | null }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <div style={{ border: '1px solid var(--a-border-subtle, #ccc)', borderRadius: 4, padding: 8 }}>
      <BodyShort weight="semibold">{label}</BodyShort>
      {text ? (
        <>
          <pre style={{ whiteSpace: 'pre-wrap', font: 'inherit', margin: '4px 0' }}>{text}</pre>
          <Button size="xsmall" variant="secondary" onClick={async () => setCopied(await copyText(text))} aria-label={`Kopier: ${label}`}>
            Kopier
          </Button>
          <span role="status" style={{ marginLeft: 8 }}>
            {copied ? 'Kopiert' : ''}
          </span>
        </>
      ) : (
        <BodyShort size="small" className="muted">
          Ikke klar: {missing}
        </BodyShort>
      )}
    </div>
  );
}

type ReferrerInitial = {
  organisation: string;
  person: string;
  address: string;
  postalCode: string;
  postalPlace: string;
  herId: string;
  referralDate: string | null;
  isGp: boolean;
} | null;

type ReferrerForm = NonNullable<ReferrerInitial>;

function ReferrerForm({
  pathwayId,
  initial,
  version: loaded,
  onDone,
}: {
  pathwayId: number;
  initial: ReferrerInitial;
  version: number | undefined;
  onDone: () => void;
}) {
  // The version when the form opened; after a conflict, the one now stored (saving again replaces it knowingly).
  const { version, onRefused } = useRowVersion(loaded, true, async () => (await callOrThrow('referrer.get', { pathwayId })).referrer?.version);
  const form = useContractForm({
    method: 'referrer.save',
    schema: referrerContract['referrer.save'].input,
    defaultValues: {
      organisation: initial?.organisation ?? '',
      person: initial?.person ?? '',
      address: initial?.address ?? '',
      postalCode: initial?.postalCode ?? '',
      postalPlace: initial?.postalPlace ?? '',
      herId: initial?.herId ?? '',
      referralDate: initial?.referralDate ?? null,
      isGp: initial?.isGp ?? false,
    } as ReferrerForm,
    toInput: (f: ReferrerForm) => ({ pathwayId, ...f, ...(version.current !== undefined ? { version: version.current } : {}) }),
    onRefused,
    onSaved: () => onDone(),
  });
  const { control } = form;
  return (
    <InlineForm form={form} label="Henviser" submitLabel="Lagre henviser" onCancel={onDone}>
      <TextInput control={control} name="organisation" label="Virksomhet" />
      <TextInput control={control} name="person" label="Henvisende lege/behandler" />
      <TextInput control={control} name="address" label="Adresse" />
      <div style={{ display: 'flex', gap: 8 }}>
        <TextInput control={control} name="postalCode" label="Postnummer" htmlSize={6} />
        <TextInput control={control} name="postalPlace" label="Poststed" />
      </div>
      <TextInput control={control} name="herId" label="HER-id (hvis kjent)" htmlSize={12} />
      <DateInput control={control} name="referralDate" label="Henvisningsdato" />
      <CheckboxInput control={control} name="isGp">
        Henviser er pasientens fastlege
      </CheckboxInput>
    </InlineForm>
  );
}
