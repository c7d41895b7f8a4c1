import { describe, expect, it } from 'vitest';
import { forbiddenWords } from '../e2e/words';

// The e2e scan for English and code words on screen (tests/e2e/working-day.spec.ts) must be able to fail:
// fed text with the words that once leaked, it flags each; fed plain Norwegian, it flags nothing.
describe('forbidden words on screen', () => {
  it('flags the texts that once reached the screen', () => {
    const page = [
      'Kommuneliste',
      'Compiled from public reference lists',
      'Åpnet individual_plan',
      'Versjon 0 av invitasjonen',
      'Frist: Invalid Date',
      'Navn: undefined',
      '[object Object]',
      'Status: pending',
    ].join('\n');
    const hits = forbiddenWords(page);
    for (const word of ['Compiled', 'individual_plan', 'Versjon 0 av', 'Invalid Date', 'undefined', '[object Object]', 'pending']) {
      expect(
        hits.some((h) => h.includes(word)),
        word,
      ).toBe(true);
    }
    expect(hits.length).toBeGreaterThanOrEqual(8);
  });

  it('flags nothing in plain Norwegian (also words that only contain a forbidden one)', () => {
    expect(
      forbiddenWords(
        'Åpnet individuell plan. Henvisning mottatt 01.12.2026. Versjon 10 av regelverket. Kontaktforsøk: ikke svar. Theodor Andersen, Offentlig.',
      ),
    ).toEqual([]);
  });
});
