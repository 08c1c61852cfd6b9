/**
 * 登记管理部门码 (position 1) and their 机构类别码 (position 2) of the 统一社会信用代码.
 * GB 32100-2015 itself lists 1, 5, 9 and Y; the other departments were added later by the
 * code-management authorities (dates not confirmed; see docs/rules/uscc.md).
 */
export type UsccDepartment = { code: string; name: string; categories: { code: string; name: string }[] };

export const USCC_DEPARTMENTS: readonly UsccDepartment[] = [
  { code: '1', name: '机构编制', categories: [c('1', '机关'), c('2', '事业单位'), c('3', '编办直接管理机构编制的群众团体'), c('9', '其他')] },
  { code: '2', name: '外交', categories: [c('1', '外国常驻新闻机构'), c('9', '其他')] },
  {
    code: '3',
    name: '司法行政',
    categories: [c('1', '律师执业机构'), c('2', '公证处'), c('3', '基层法律服务所'), c('4', '司法鉴定机构'), c('5', '仲裁委员会'), c('9', '其他')],
  },
  { code: '4', name: '文化', categories: [c('1', '外国在华文化中心'), c('9', '其他')] },
  { code: '5', name: '民政', categories: [c('1', '社会团体'), c('2', '民办非企业单位'), c('3', '基金会'), c('9', '其他')] },
  {
    code: '6',
    name: '旅游',
    categories: [c('1', '外国旅游部门常驻代表机构'), c('2', '港澳台地区旅游部门常驻内地（大陆）代表机构'), c('9', '其他')],
  },
  { code: '7', name: '宗教', categories: [c('1', '宗教活动场所'), c('2', '宗教院校'), c('9', '其他')] },
  { code: '8', name: '工会', categories: [c('1', '基层工会'), c('9', '其他')] },
  { code: '9', name: '工商', categories: [c('1', '企业'), c('2', '个体工商户'), c('3', '农民专业合作社')] },
  { code: 'A', name: '中央军委改革和编制办公室', categories: [c('1', '军队事业单位'), c('9', '其他')] },
  {
    code: 'N',
    name: '农业',
    categories: [c('1', '组级集体经济组织'), c('2', '村级集体经济组织'), c('3', '乡镇级集体经济组织'), c('9', '其他')],
  },
  { code: 'Y', name: '其他', categories: [c('1', '其他')] },
];

function c(code: string, name: string) {
  return { code, name };
}
