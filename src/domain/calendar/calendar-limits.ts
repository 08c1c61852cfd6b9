/** The first year the calendar answers for (holiday data in chinese-days and holiday-cn starts here). */
export const EARLIEST_CALENDAR_YEAR = 2004;

/** The last year whose lunar dates and solar terms we rely on from chinese-days. */
export const LATEST_CALENDAR_YEAR = 2099;

/** How many years past the last official arrangement a calendar answers provisionally, by default. */
export const DEFAULT_PROVISIONAL_YEARS_AHEAD = 10;
