import { nameSearchWords } from './search-words';

/**
 * What a worklist search looks for, and whether a patient matches it — the one rule both sides use: the server
 * turns the terms into index ranges on open_search_word (worklist.service.ts), the renderer filters the open
 * caseload's search keys with `matchesSearch` (features/worklist/local-search.ts).
 * - digits only (spaces ignored): the national id begins with them (a birth date ddmmyy is such a prefix);
 * - otherwise: every typed word (nameSearchWords) is the beginning of a word of the name;
 * - nothing to look for (empty, spaces, only hyphens): every patient matches.
 */
export type SearchTerms = { kind: 'nationalId'; digits: string } | { kind: 'name'; words: string[] };

export function searchTerms(search: string): SearchTerms {
  const text = search.trim();
  const digits = text.replace(/\s/g, '');
  return /^\d+$/.test(digits) ? { kind: 'nationalId', digits } : { kind: 'name', words: nameSearchWords(text) };
}

/**
 * Whether a patient matches: `nameWords` are nameSearchWords(name) (computed once per patient by the caller,
 * as the server's index holds them), `nationalId` the full national id.
 */
export function matchesSearch(terms: SearchTerms, nameWords: readonly string[], nationalId: string): boolean {
  if (terms.kind === 'nationalId') return nationalId.startsWith(terms.digits);
  for (const typed of terms.words) {
    let found = false;
    for (const word of nameWords) {
      if (word.startsWith(typed)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
