import { Alert, Button, Heading, Table, Tag } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { nationalIdKindLabel } from '../../../../shared/domain/national-id';
import { pathwayTypeLabel, settingLabel, PATHWAY_TYPES } from '../../../../shared/domain/pathway-types';
import { call, onChanged } from '../../api/client';
import { formatDate } from '../../lib/format';
import { useUi, type Screen } from '../../stores/ui';

type PatientData = Output<'patients.get'>;
const STATUS_LABEL = { open: 'Åpent', own_clinician: 'Egen behandler', ended: 'Avsluttet' } as const;

export function PatientPage({ patientId, from }: { patientId: number; from: Screen }) {
  const navigated = useUi((s) => s.navigated);
  const [data, setData] = useState<PatientData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fullId, setFullId] = useState<string | null>(null);

  useEffect(() => {
    const load = async () => {
      const res = await call('patients.get', { id: patientId });
      if (res.ok) setData(res.value);
      else setError(res.error.message);
    };
    void load();
    return onChanged(() => void load());
  }, [patientId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) navigated({ screen: from });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [from, navigated]);

  if (error) return <Alert variant="error">{error}</Alert>;
  if (!data) return null;
  const { patient, pathways } = data;

  async function reveal() {
    const res = await call('patients.revealNationalId', { id: patientId });
    if (res.ok) setFullId(res.value.nationalId);
  }

  return (
    <article aria-labelledby="patient-title">
      <Button size="xsmall" variant="tertiary" onClick={() => navigated({ screen: from })}>
        ← Tilbake (Esc)
      </Button>
      <div className="screen-title">
        <Heading level="1" size="medium" id="patient-title">
          {patient.name}
        </Heading>
        {patient.synthetic && (
          <Tag size="xsmall" variant="warning">
            Syntetisk testperson
          </Tag>
        )}
      </div>
      <section aria-labelledby="patient-facts" style={{ marginBottom: 20 }}>
        <Heading level="2" size="xsmall" id="patient-facts" spacing>
          Pasient
        </Heading>
        <dl className="facts">
          <dt>{nationalIdKindLabel(patient.nationalIdKind)}</dt>
          <dd className="mono">
            {fullId ?? patient.nationalIdMasked}{' '}
            {!fullId && (
              <Button size="xsmall" variant="tertiary" onClick={reveal}>
                Vis hele
              </Button>
            )}
          </dd>
          <dt>Fødselsdato</dt>
          <dd>{formatDate(patient.birthDate)}</dd>
          <dt>Telefon</dt>
          <dd>{patient.phone || '–'}</dd>
          <dt>Adresse</dt>
          <dd>{[patient.address, [patient.postalCode, patient.postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</dd>
          <dt>Kommune</dt>
          <dd>{patient.municipalityNumber ? `${patient.municipalityNumber} ${patient.municipalityName ?? ''}` : '–'}</dd>
          <dt>Fastlege</dt>
          <dd>{patient.gpName || '–'}</dd>
        </dl>
      </section>
      <section aria-labelledby="patient-pathways">
        <Heading level="2" size="xsmall" id="patient-pathways" spacing>
          Forløp
        </Heading>
        <Table size="small">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Forløpstype</Table.HeaderCell>
              <Table.HeaderCell scope="col">Nivå</Table.HeaderCell>
              <Table.HeaderCell scope="col">Henvisning mottatt</Table.HeaderCell>
              <Table.HeaderCell scope="col">Henvisning vurdert</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {pathways.map((p) => (
              <Table.Row key={p.id}>
                <Table.DataCell>
                  {PATHWAY_TYPES.find((t) => t.id === p.pathwayType)?.code ?? ''} {pathwayTypeLabel(p.pathwayType)}
                </Table.DataCell>
                <Table.DataCell>{settingLabel(p.setting)}</Table.DataCell>
                <Table.DataCell>{formatDate(p.referralReceived)}</Table.DataCell>
                <Table.DataCell>{p.referralAssessed ? formatDate(p.referralAssessed) : 'Ikke vurdert'}</Table.DataCell>
                <Table.DataCell>{STATUS_LABEL[p.status]}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
    </article>
  );
}
