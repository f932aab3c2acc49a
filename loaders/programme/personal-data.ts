/**
 * The one rule for personal data in the programme's free-text columns, used by `kbm check` and
 * `kbm data` alike (and, as the same patterns, by the warehouse's last check): an e-mail address
 * (name@host.tld) or a phone number (starting with + or 0, at least 8 digits). A year list such
 * as "2014/2015/2016" or an @ on its own ("Salon @ Köln") is no personal data.
 */
export const EMAIL_PATTERN = "[^\\s@;,]+@[^\\s@;,]+\\.[^\\s@;,]+";
export const PHONE_PATTERN = "(^|[^\\d])(\\+|0)\\d[\\d /-]{6,}\\d";

const EMAIL = new RegExp(EMAIL_PATTERN);
const PHONE = new RegExp(PHONE_PATTERN);

/** What kind of personal data the text holds ("eine E-Mail-Adresse", "eine Telefonnummer"), never the data itself. */
export function personalDataIn(text: string | null): string | null {
  if (!text) return null;
  if (EMAIL.test(text)) return "eine E-Mail-Adresse";
  if (PHONE.test(text)) return "eine Telefonnummer";
  return null;
}
