/** Chinese texts of the visit-views pages (merged into zh.ts under `visitViews`); visit-views.en.ts has the same shape. */
export const visitViewsZh = {
  title: '',
};
