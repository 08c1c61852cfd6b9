/**
 * The words of the weekly visit programme (glossary: 每周益企, 走访). Kept as data so the server,
 * the web app and the reports share one list.
 */

/** am 上午 / pm 下午: a visit occupies one half-day slot of its leader. */
export const HALF_DAYS = ['am', 'pm'] as const;
export type HalfDay = (typeof HALF_DAYS)[number];

/**
 * planned 已计划 → done 已走访 (the record is completed); cancelled 已取消 ends a visit that did
 * not happen. A cancelled visit frees its slot and counts nowhere.
 */
export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
