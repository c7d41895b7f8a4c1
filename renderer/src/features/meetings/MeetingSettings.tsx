import { Alert, Button, Radio, RadioGroup, Select, Textarea } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import { MEETING_KIND_LABELS, MEETING_KINDS, PATIENT_PRINT_PRIVACY, PATIENT_PRINT_PRIVACY_LABELS, type MeetingKind, type PatientPrintPrivacy } from '../../../../shared/domain/meetings';
import { call } from '../../api/client';
import { firstMessage } from '../../api/field-errors';
import { useContractQuery } from '../../api/query';

/** Innstillinger → Samarbeidsmøter: agenda templates per kind, and what printouts may say about the patient. */
export function MeetingSettings() {
  const [templates, setTemplates] = useState<Record<MeetingKind, string[]> | null>(null);
  const [kind, setKind] = useState<MeetingKind>('evaluation');
  const [text, setText] = useState('');
  const [privacy, setPrivacy] = useState<PatientPrintPrivacy>('initials_birth_year');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();

  const settings = useContractQuery('meetings.getSettings', {}).data;
  useEffect(() => {
    if (!settings) return;
    setTemplates(settings.templates as Record<MeetingKind, string[]>);
    setPrivacy(settings.printPrivacy);
  }, [settings]);
  useEffect(() => {
    if (templates) setText(templates[kind].join('\n'));
    setError(undefined);
  }, [kind, templates]);

  async function save() {
    const res = await call('meetings.saveTemplate', { kind, items: text.split('\n') });
    if (!res.ok) return setError(firstMessage(res.error));
    setTemplates((t) => (t ? { ...t, [kind]: res.value.items } : t));
    setMessage(`Malen for «${MEETING_KIND_LABELS[kind]}» er lagret. Nye møter får denne dagsordenen.`);
  }
  async function reset() {
    const res = await call('meetings.resetTemplate', { kind });
    if (!res.ok) return setError(res.error.message);
    setTemplates((t) => (t ? { ...t, [kind]: res.value.items } : t));
    setMessage(`Malen for «${MEETING_KIND_LABELS[kind]}» er satt tilbake til standard.`);
  }
  async function savePrivacy(value: PatientPrintPrivacy) {
    setPrivacy(value);
    const res = await call('meetings.savePrintPrivacy', { printPrivacy: value });
    setMessage(res.ok ? 'Personvernvalget for utskrifter er lagret.' : res.error.message);
  }

  if (!templates) return null;
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 640 }}>
      <div style={{ display: 'grid', gap: 8 }}>
        <Select size="small" label="Dagsordenmal for" value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {MEETING_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Textarea
          size="small"
          label="Punkter på dagsordenen"
          description={kind === 'evaluation' ? 'Ett punkt per linje. Standardmalen følger Helsedirektoratets punkter for evaluering.' : 'Ett punkt per linje.'}
          minRows={6}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setMessage(null);
          }}
          error={error}
        />
        <div className="toolbar">
          <Button size="small" onClick={save}>
            Lagre malen
          </Button>
          <Button size="small" variant="secondary" onClick={reset}>
            Tilbakestill til standard
          </Button>
        </div>
      </div>
      <RadioGroup size="small" legend="Pasienten på dagsorden og referat som skrives ut" value={privacy} onChange={(v: PatientPrintPrivacy) => void savePrivacy(v)}>
        {PATIENT_PRINT_PRIVACY.map((p) => (
          <Radio key={p} value={p}>
            {PATIENT_PRINT_PRIVACY_LABELS[p]}
          </Radio>
        ))}
      </RadioGroup>
      {message && (
        <Alert variant="success" size="small" inline role="status">
          {message}
        </Alert>
      )}
    </div>
  );
}
