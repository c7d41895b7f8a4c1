import { describe, expect, it } from 'vitest';
import { nameSearchWords, prefixUpperBound } from '../../shared/domain/search-words';

describe('name search words', () => {
  it('lower-cases with Norwegian rules and splits on spaces and hyphens, each word once', () => {
    expect(nameSearchWords('  Åse Nordmann-Hansen  Åse ')).toEqual(['åse', 'nordmann', 'hansen']);
    expect(nameSearchWords('ØYSTEIN Ærlig')).toEqual(['øystein', 'ærlig']);
    expect(nameSearchWords('   ')).toEqual([]);
  });
  it('bounds a prefix range so that every word starting with the prefix falls inside it', () => {
    const upper = prefixUpperBound('han');
    for (const w of ['han', 'hans', 'hansen', 'hanæ', 'hanø']) expect(w < upper && w >= 'han').toBe(true);
    for (const w of ['hao', 'ha', 'hb']) expect(w >= 'han' && w < upper).toBe(false);
  });
});
