/** The calendar day (Europe/Berlin, like every date the project shows) of an instant, as an ISO date. */
export function berlinDay(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", {timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit"}).format(instant);
}
