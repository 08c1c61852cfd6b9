/** Chinese texts of the bulletins pages (merged into zh.ts under `bulletins`); bulletins.en.ts has the same shape. */
export const bulletinsZh = {
  title: '',
};
