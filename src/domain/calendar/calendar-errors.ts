/**
 * Calendar data that does not pass validation (an imported year, a zone override).
 * `field` is a path into the input ("offRanges[2].to"); `message` is Chinese, for the admin page and CLI.
 */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/**
 * A date outside the years the calendar can answer for. Raised instead of guessing a
 * plain Monday–Friday week, so a missing year is noticed rather than silently wrong.
 */
export class CalendarRangeError extends Error {
  override readonly name = 'CalendarRangeError';
  readonly date: string;

  constructor(date: string, message: string) {
    super(message);
    this.date = date;
  }
}
