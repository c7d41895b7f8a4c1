import { describe, expect, it } from 'vitest';
import { matchesSearch, searchTerms } from '../../shared/domain/search-match';
import { nameSearchWords } from '../../shared/domain/search-words';

const matches = (search: string, name: string, nationalId = '01019012345') => matchesSearch(searchTerms(search), nameSearchWords(name), nationalId);

describe('the worklist search rule (shared by the server index and the renderer)', () => {
  it('digits only (spaces ignored) look for the beginning of the national id: a birth date finds the person', () => {
    expect(searchTerms(' 010190 12 ')).toEqual({ kind: 'nationalId', digits: '01019012' });
    expect(matches('010190', 'Kari Nordmann')).toBe(true);
    expect(matches('0101 9012345', 'Kari Nordmann')).toBe(true);
    expect(matches('10190', 'Kari Nordmann')).toBe(false);
    expect(matches('010190123456', 'Kari Nordmann')).toBe(false);
  });

  it('every typed word is the beginning of a word of the name, in any order and case, hyphens split words', () => {
    expect(matches('nord han', 'Kari Nordmann-Hansen')).toBe(true);
    expect(matches('HANSEN kari', 'Kari Nordmann-Hansen')).toBe(true);
    expect(matches('kari-nord', 'Kari Nordmann-Hansen')).toBe(true);
    expect(matches('mann', 'Kari Nordmann-Hansen')).toBe(false);
    expect(matches('kari olsen', 'Kari Nordmann-Hansen')).toBe(false);
    expect(matches('Ærø', 'Åse ærøy')).toBe(true);
  });

  it('a mixed search is a name search; nothing to look for matches everyone', () => {
    expect(searchTerms('01a')).toEqual({ kind: 'name', words: ['01a'] });
    expect(matches('01a', 'Kari', '01019012345')).toBe(false);
    for (const empty of ['', '   ', '-', ' – ']) expect(matches(empty, 'Kari')).toBe(true);
  });
});
