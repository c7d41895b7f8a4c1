import { Alert, Button, Heading, Tabs, Tag } from '@navikt/ds-react';
import { useEffect, useRef, useState } from 'react';
import { nationalIdKindLabel } from '../../../../shared/domain/national-id';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { formatDate } from '../../../../shared/domain/time';
import { useUi, type Screen } from '../../stores/ui';
import { PATIENT_SECTIONS } from './sections';
import { EditPatientDialog } from './EditPatientDialog';
import { InterpreterTag } from './InterpreterTag';
import { typing } from '../shell/useGlobalShortcuts';

export function PatientPage({ patientId, from, section = PATIENT_SECTIONS[0]!.id }: { patientId: number; from: Screen; section?: string | undefined }) {
  const navigated = useUi((s) => s.navigated);
  const { data, error: failure } = useContractQuery('patients.get', { id: patientId });
  const error = failure?.message;
  const [fullId, setFullId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const page = useRef<HTMLElement>(null);
  const loaded = data !== undefined;

  // Opening a patient (Enter on a list row) would leave focus on the row that is gone, i.e. on <body>: put it on the
  // selected section's tab instead, so arrows switch sections and Tab goes into the section's content.
  useEffect(() => {
    if (!loaded || page.current?.contains(document.activeElement)) return;
    page.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, [patientId, loaded]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !typing(e.target) && !document.querySelector('dialog[open]')) navigated({ screen: from });
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
    <article aria-labelledby="patient-title" ref={page}>
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
        <InterpreterTag pathways={pathways} />
      </div>
      <section aria-labelledby="patient-facts" style={{ marginBottom: 20 }}>
        <div className="screen-title">
          <Heading level="2" size="xsmall" id="patient-facts">
            Pasient
          </Heading>
          <Button size="xsmall" variant="secondary" onClick={() => setEditing(true)}>
            Endre pasient
          </Button>
        </div>
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
      <EditPatientDialog open={editing} onClose={() => setEditing(false)} patient={patient} />
      <Tabs value={section} onChange={(id) => navigated({ screen: 'patient', patientId, from, section: id })} size="small">
        <Tabs.List>
          {PATIENT_SECTIONS.map((sec) => (
            <Tabs.Tab key={sec.id} value={sec.id} label={sec.label} />
          ))}
        </Tabs.List>
        {PATIENT_SECTIONS.map(({ id, Component }) => (
          <Tabs.Panel key={id} value={id} style={{ paddingTop: 12 }}>
            {id === section && <Component patient={patient} pathways={pathways} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </article>
  );
}
