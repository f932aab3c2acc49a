/** German month and day names for time axes (d3 formats in English by default). */
import {timeFormatLocale, type TimeLocaleObject} from "d3";

const GERMAN = {
  dateTime: "%A, %e. %B %Y, %X",
  date: "%d.%m.%Y",
  time: "%H:%M:%S",
  periods: ["", ""] as [string, string],
  days: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"] as const,
  shortDays: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"] as const,
  months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"] as const,
  shortMonths: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"] as const
};

let locale: TimeLocaleObject | undefined;

/** Formats for dates at UTC midnight (the page's dates are calendar days): use `.utcFormat`. */
export function utcFormatLocale(): {format: (specifier: string) => (date: Date) => string} {
  locale ??= timeFormatLocale(GERMAN as unknown as Parameters<typeof timeFormatLocale>[0]);
  return {format: (specifier) => locale!.utcFormat(specifier)};
}
