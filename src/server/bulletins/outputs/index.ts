/** The bulletin's outputs, each a pure function of one frozen BulletinContent. */
export { buildBulletinDocx } from './bulletin-docx.js';
export { buildBulletinXlsx } from './bulletin-xlsx.js';
export { articleDigest, articleTitle, renderWechatArticle, WECHAT_LIMITS, type WechatArticle, type WechatArticleOptions } from './bulletin-article.js';
export {
  BULLETIN_CHART_KEYS, PNG_MAX_BYTES, renderBulletinChart, renderBulletinCharts, renderBulletinChartSvg, svgToPng,
  type BulletinChart, type BulletinChartKey, type BulletinCharts,
} from './bulletin-charts.js';
export { formatRate, issueNumberLine, monthLabel } from './bulletin-labels.js';
