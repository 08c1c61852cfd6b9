import type { visitBriefZh } from './visit-brief.zh.js';

export const visitBriefEn: typeof visitBriefZh = {
  title: '',
};
