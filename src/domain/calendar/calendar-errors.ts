/** One message in both languages of the app: Chinese (the default) and English. */
export type Bilingual = { zh: string; en: string };

/**
 * Calendar data that does not pass validation (an imported year, a zone override).
 * `field` is a path into the input ("offRanges[2].to"); `messages` holds the explanation in
 * Chinese and English, for the admin page and CLI. `message` is the Chinese text.
 */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
  readonly field: string;
  readonly messages: Bilingual;

  constructor(field: string, messages: Bilingual) {
    super(messages.zh);
    this.field = field;
    this.messages = messages;
  }
}

/**
 * A date outside the years the calendar can answer for. Raised instead of guessing a
 * plain Monday–Friday week, so a missing year is noticed rather than silently wrong.
 * `messages` holds the explanation in Chinese and English; `message` is the Chinese text.
 */
export class CalendarRangeError extends Error {
  override readonly name = 'CalendarRangeError';
  readonly date: string;
  readonly messages: Bilingual;

  constructor(date: string, messages: Bilingual) {
    super(messages.zh);
    this.date = date;
    this.messages = messages;
  }
}
