import type { visitViewsZh } from './visit-views.zh.js';

export const visitViewsEn: typeof visitViewsZh = {
  title: '',
};
