/**
 * Words that must never reach a person's screen (issue #16): English, code names, empty values, and texts that
 * once leaked (e.g. "Compiled from public reference lists", "Versjon 0 av invitasjonen").
 */
export const FORBIDDEN =
  /\b(the|and|of|from|with|undefined|null|NaN|Invalid Date|Error|error|Loading|loading|Compiled|version|pending|true|false|individual_plan|outpatient|inpatient|referral|pathway|meeting|appointment|no_show|contact)\b|\[object Object\]|Versjon 0 av/g;

/** Every forbidden word in a screen's text, each with the text around it (empty when the text is clean). */
export function forbiddenWords(text: string): string[] {
  return Array.from(
    text.matchAll(FORBIDDEN),
    (m) =>
      `«${text
        .slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)
        .replace(/\s+/g, ' ')
        .trim()}»`,
  );
}
