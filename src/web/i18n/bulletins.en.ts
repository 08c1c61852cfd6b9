import type { bulletinsZh } from './bulletins.zh.js';

export const bulletinsEn: typeof bulletinsZh = {
  title: '',
};
