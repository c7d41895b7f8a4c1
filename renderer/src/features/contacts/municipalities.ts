import { useEffect, useState } from 'react';
import { call } from '../../api/client';

export interface MunicipalityOption {
  number: string;
  name: string;
  county: string;
}

let cache: MunicipalityOption[] | null = null;
const subscribers = new Set<(rows: MunicipalityOption[]) => void>();

async function load(): Promise<void> {
  const res = await call('municipalities.list', {});
  if (!res.ok) return;
  cache = res.value.rows;
  for (const s of subscribers) s(res.value.rows);
}

/** After a new dataset was loaded in settings: every picker refreshes. */
export function municipalitiesInvalidated(): void {
  void load();
}

/** The municipality list (357 rows) for pickers, fetched once per session. */
export function useMunicipalities(): MunicipalityOption[] {
  const [rows, setRows] = useState<MunicipalityOption[]>(cache ?? []);
  useEffect(() => {
    subscribers.add(setRows);
    if (!cache) void load();
    return () => {
      subscribers.delete(setRows);
    };
  }, []);
  return rows;
}
