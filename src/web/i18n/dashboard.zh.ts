/** Chinese texts of the dashboard pages (merged into zh.ts under `dashboard`); dashboard.en.ts has the same shape. */
export const dashboardZh = {
  title: '',
};
