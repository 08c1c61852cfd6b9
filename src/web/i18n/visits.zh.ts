/** Chinese texts of the visits pages (merged into zh.ts under `visits`); visits.en.ts has the same shape. */
export const visitsZh = {
  title: '',
};
