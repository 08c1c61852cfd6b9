/** Chinese texts of the visit-brief pages (merged into zh.ts under `visitBrief`); visit-brief.en.ts has the same shape. */
export const visitBriefZh = {
  title: '',
};
