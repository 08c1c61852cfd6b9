import type { dashboardZh } from './dashboard.zh.js';

export const dashboardEn: typeof dashboardZh = {
  title: '',
};
