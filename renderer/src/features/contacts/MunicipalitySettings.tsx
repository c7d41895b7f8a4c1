import { Alert, BodyShort, Button } from '@navikt/ds-react';
import { useRef, useState, type ChangeEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useContractQuery } from '../../api/query';
import { firstMessage } from '../../api/field-errors';
import { formatDate } from '../../../../shared/domain/time';

type Dataset = Output<'municipalities.list'>['dataset'];

/** Innstillinger → Kommuneliste: which list is in use, and loading a newer one (same JSON shape) without a new version. */
export function MunicipalitySettings() {
  const dataset: Dataset | null = useContractQuery('municipalities.list', {}, { staleTime: Infinity }).data?.dataset ?? null;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const res = await call('municipalities.load', { json: await file.text() });
    if (!res.ok) return setMessage({ ok: false, text: firstMessage(res.error) });
    setMessage({
      ok: true,
      text: `Kommunelisten gyldig fra ${formatDate(res.value.validFrom)} er lastet inn: ${res.value.count} kommuner, ${res.value.added} nye, ${res.value.renamed} endret.`,
    });
  }

  if (!dataset) return null;
  return (
    <div style={{ display: 'grid', gap: 8, maxWidth: 640 }}>
      <BodyShort>
        {dataset.count} kommuner, gyldig fra {formatDate(dataset.validFrom)} ({dataset.classification}).
      </BodyShort>
      <BodyShort size="small" className="muted">
        Kilde: {dataset.source}
      </BodyShort>
      <div>
        <Button size="small" variant="secondary" onClick={() => fileRef.current?.click()}>
          Last inn ny kommuneliste (JSON)
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={onFile}
          data-testid="municipalities-file"
          aria-label="Velg kommuneliste"
        />
      </div>
      {message && (
        <Alert variant={message.ok ? 'success' : 'error'} size="small" inline>
          {message.text}
        </Alert>
      )}
    </div>
  );
}
