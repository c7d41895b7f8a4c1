import { useContractQuery } from '../../api/query';

export interface MunicipalityOption {
  number: string;
  name: string;
  county: string;
}

const NONE: MunicipalityOption[] = [];

/** The municipality list (357 rows) for pickers: fetched once, again only after a new dataset is loaded. */
export function useMunicipalities(): MunicipalityOption[] {
  return useContractQuery('municipalities.list', {}, { staleTime: Infinity }).data?.rows ?? NONE;
}
