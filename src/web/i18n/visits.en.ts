import type { visitsZh } from './visits.zh.js';

export const visitsEn: typeof visitsZh = {
  title: '',
};
