// "Today" as the linter, the site and the CLI measure review dates against it: the local calendar
// day of a clock that callers pass in (tests fix it), never read inside a rule.

/** `YYYY-MM-DD` of `clock` in the machine's time zone. */
export function localToday(clock: Date = new Date()): string {
  const offset = clock.getTimezoneOffset() * 60_000;
  return new Date(clock.getTime() - offset).toISOString().slice(0, 10);
}
