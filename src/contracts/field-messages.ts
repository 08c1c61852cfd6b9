import type { FieldError, Lang } from './errors.js';

/**
 * Field-level messages the services give, in each UI language. A service names
 * the message by key (the `reason` of the field error) with its parameters; the
 * error handler renders it in the language of the request.
 */
export const FIELD_MESSAGES = {
  'department-required': { zh: '责任单位用户必须选择所属部门', en: 'A department user needs a department' },
  'enterprise-required': { zh: '企业用户必须选择所属企业', en: 'An enterprise user needs an enterprise' },
  'department-not-found': { zh: '所选部门不存在', en: 'The selected department does not exist' },
  'enterprise-not-found': { zh: '所选企业不存在', en: 'The selected enterprise does not exist' },
  'username-taken': { zh: '用户名已被使用', en: 'This username is taken' },
  'self-demotion': { zh: '不能停用自己的账号或移除自己的管理员角色', en: 'You cannot disable your own account or remove your own admin role' },
  'name-taken': { zh: '已有同名记录', en: 'This name is taken' },
  'unknown-time-zone': { zh: '未知的时区：{value}', en: 'Unknown time zone: {value}' },
  'control-character': { zh: '含有不允许的控制字符', en: 'Contains a control character that is not allowed' },
  'multipart-required': { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' },
  'file-required': { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  'xlsx-required': { zh: '请上传 .xlsx 格式的 Excel 文件', en: 'Upload an Excel .xlsx file' },
  'enterprise-name-short': { zh: '企业名称至少 2 个字', en: 'The enterprise name needs at least 2 characters' },
  'industry-division-unknown': { zh: '“{value}”不是 GB/T 4754-2017 的行业大类代码', en: '"{value}" is not a GB/T 4754-2017 division code' },
  'cadre-not-found': { zh: '所选挂点干部不存在或不是挂点干部', en: 'The selected liaison cadre does not exist or is not a cadre' },
  'theme-not-found': { zh: '所选主题不存在', en: 'The selected theme does not exist' },
  'valid-until-before-start': { zh: '有效期截止日不能早于起始日', en: 'The end of validity cannot be before its start' },
  'figures-year-duplicate': { zh: '{value} 年的数据重复', en: 'Figures for {value} are given twice' },
  'one-primary-contact': { zh: '只能有一位主要联系人', en: 'Only one contact can be the primary one' },
  'uscc-duplicate': { zh: '本园区已有该代码的企业：{value}', en: 'An enterprise of this zone already has this code: {value}' },
  'uscc-length': { zh: '统一社会信用代码应为18位，当前为{value}位', en: 'A USCC has 18 characters; this one has {value}' },
  'uscc-character': { zh: '第{position}位字符“{value}”不允许', en: 'Character {position} ("{value}") is not allowed' },
  'uscc-check-digit': { zh: '校验码错误：第18位应为“{expected}”，实为“{value}”', en: 'Wrong check character: position 18 should be "{expected}", not "{value}"' },
  'uscc-department': { zh: '第1–2位登记管理部门码或机构类别码无效', en: 'The registration department or category code (positions 1–2) is invalid' },
  'not-editable-by-enterprise': { zh: '该字段由园区管理，企业用户不能修改', en: 'This field is kept by the zone; enterprise users cannot change it' },
  'registrar-only': { zh: '该字段仅限园区登记人员修改', en: 'Only the zone\'s registrars can change this field' },
  'override-exists': { zh: '{value} 已有园区安排，请先删除', en: '{value} already has a zone arrangement; delete it first' },
  'status-unknown': { zh: '未知的诉求状态：{value}', en: 'Unknown demand status: {value}' },
  'own-enterprise-only': { zh: '企业用户只能为本企业提交诉求', en: 'Enterprise users can only submit demands for their own enterprise' },
  'channel-not-allowed': { zh: '您的角色不能通过该渠道登记诉求', en: 'Your role cannot record demands through this channel' },
  'category-not-found': { zh: '所选诉求分类不存在或已停用', en: 'The selected demand category does not exist or is disabled' },
  'category-code-taken': { zh: '分类代码已被使用', en: 'This category code is taken' },
  'category-parent-cycle': { zh: '上级分类不能是自身或其下级', en: 'A category cannot be placed under itself or its own subcategory' },
  'leader-not-found': { zh: '所选领导不存在或不是园区领导', en: 'The selected leader does not exist or is not a leader' },
  'department-inactive': { zh: '所选部门不存在或已停用', en: 'The selected department does not exist or is inactive' },
  'lead-also-assisting': { zh: '牵头单位不能同时作为配合单位', en: 'The lead department cannot also be an assisting department' },
  'not-assisting-department': { zh: '只能向本诉求的配合单位征求意见', en: 'Input can only be asked of this demand\'s assisting departments' },
  'no-assisting-departments': { zh: '本诉求没有配合单位', en: 'This demand has no assisting departments' },
  'extension-not-later': { zh: '新的办结时限须晚于当前时限 {value}', en: 'The new deadline must be after the current one ({value})' },
  'not-a-working-day': { zh: '{value} 不是工作日', en: '{value} is not a working day' },
  'merge-self': { zh: '不能与自身合并', en: 'A demand cannot be merged into itself' },
  'merge-other-enterprise': { zh: '只能合并同一企业的诉求', en: 'Only demands of the same enterprise can be merged' },
  'merge-target-closed': { zh: '目标诉求已结束，不能并入', en: 'The target demand has ended and cannot take a merge' },
  'attachment-type': { zh: '不支持“{value}”类型的文件：仅支持图片（JPG/PNG/GIF/WEBP）、PDF 和 Office 文档', en: 'Files of type "{value}" are not accepted: images (JPG/PNG/GIF/WEBP), PDF and Office documents only' },
  'attachment-content-mismatch': { zh: '文件内容与扩展名“{value}”不符', en: 'The file content does not match its extension "{value}"' },
  // Cells of an Excel import.
  required: { zh: '必填', en: 'Required' },
  'too-long': { zh: '不能超过 {value} 个字', en: 'At most {value} characters' },
  'size-sector-unknown': { zh: '“{value}”不是划型行业（如：工业、批发业、软件和信息技术服务业）', en: '"{value}" is not a size-rule sector (e.g. 工业, 批发业, 软件和信息技术服务业)' },
  'date-invalid': { zh: '“{value}”不是有效日期（YYYY-MM-DD）', en: '"{value}" is not a valid date (YYYY-MM-DD)' },
  'yes-no': { zh: '请填写“是”或“否”', en: 'Write 是 (yes) or 否 (no)' },
  'not-a-number': { zh: '“{value}”不是数字', en: '"{value}" is not a number' },
  negative: { zh: '不能为负数', en: 'Cannot be negative' },
  'not-integer': { zh: '应为整数', en: 'Must be a whole number' },
  'too-large': { zh: '数值过大', en: 'Too large' },
  'year-invalid': { zh: '“{value}”不是有效年度', en: '"{value}" is not a valid year' },
  'year-required': { zh: '填写了年度数据时必须填写数据年度', en: 'Figures need the year they belong to' },
  'phone-invalid': { zh: '“{value}”不是有效电话号码', en: '"{value}" is not a valid phone number' },
  'contact-required': { zh: '填写联系电话时必须填写联系人', en: 'A phone number needs a contact name' },
  'column-missing': { zh: '缺少该列（请使用下载的模板）', en: 'This column is missing (use the downloadable template)' },
  'cadre-name-unknown': { zh: '找不到挂点干部“{value}”', en: 'No liaison cadre named "{value}"' },
  'leader-name-unknown': { zh: '找不到包联领导“{value}”', en: 'No active liaison leader named "{value}"' },
  'theme-name-unknown': { zh: '找不到走访主题“{value}”', en: 'No visit theme named "{value}"' },
  'duplicate-of-row': { zh: '与第 {value} 行重复', en: 'Same as row {value}' },
  'file-empty': { zh: '文件中没有企业数据', en: 'The file holds no enterprises' },
  // Visits (每周益企)
  'visit-enterprise-required': { zh: '走访至少要有一家企业', en: 'A visit needs at least one enterprise' },
  'visit-enterprise-duplicate': { zh: '同一企业不能在一次走访中重复出现', en: 'An enterprise appears twice in this visit' },
  'visit-too-far-back': { zh: '走访日期不能早于 {value}（最多补录 {days} 天前的走访）', en: 'The visit date cannot be before {value} (visits can be recorded up to {days} days back)' },
  'visit-slot-taken': { zh: '该领导在此半天已有走访安排（{value}）', en: 'This leader already has a visit in this half-day ({value})' },
  'visit-leader-self-only': { zh: '园区领导只能安排本人的走访', en: 'A leader can plan only their own visits' },
  'visit-not-yet': { zh: '走访日期 {value} 尚未到，不能签发记录', en: 'The visit is on {value}; its record cannot be signed off before then' },
  'issue-enterprise-not-in-visit': { zh: '该企业不在本次走访名单中', en: 'This enterprise is not part of this visit' },
  'issue-answer-required': { zh: '当场答复的问题需要填写答复内容', en: 'A problem answered on the spot needs the answer' },
  'issue-lead-required': { zh: '转为诉求的问题需要选择牵头单位', en: 'A problem turned into a demand needs a lead department' },
  'gather-demand-not-eligible': { zh: '诉求 {value} 不属于本次走访的企业或已办结', en: 'Demand {value} is not an open demand of this visit\'s enterprises' },
  'gather-demand-other-visit': { zh: '诉求 {value} 已归入另一次走访', en: 'Demand {value} already belongs to another visit' },
  'visit-photo-type': { zh: '走访照片只能是 JPG、PNG 或 WebP 图片', en: 'Visit photos must be JPG, PNG or WebP images' },
  'period-end-before-start': { zh: '截止日期不能早于起始日期', en: 'The end date cannot be before the start date' },
  'period-too-long': { zh: '查询区间最长为 {value} 年', en: 'The period can be at most {value} years long' },
  'visit-enterprise-has-issues': { zh: '已记录现场办公问题的企业不能移出本次走访：{value}', en: 'Enterprises with problems recorded at the on-site office cannot leave the visit: {value}' },
  'visit-record-not-yet': { zh: '走访日期 {value} 尚未到，不能填写现场办公记录', en: 'The visit is on {value}; its on-site record cannot be filled in before then' },
  // Bulletins (月通报)
  'bulletin-month-future': { zh: '{value} 尚未开始，不能编制通报', en: '{value} has not begun; no bulletin can be drawn up for it' },
  'bulletin-month-exists': { zh: '{value} 的通报已存在，请打开已有的通报（更正请使用“更正”）', en: 'A bulletin for {value} exists already; open it (use "correct" to correct it)' },
  'bulletin-case-not-eligible': { zh: '典型案例须为本月办结且非保密的诉求', en: 'A typical case must be a demand settled in the month that is not private' },
  // Tiered cultivation (梯度培育)
  'cultivation-provincial-total': { zh: '特色化指标的分值合计应为 15 分，当前为 {value} 分', en: 'The provincial indicators must add up to 15 points; they add up to {value}' },
  'cultivation-provincial-key-duplicate': { zh: '特色化指标代码“{value}”重复', en: 'The provincial indicator key "{value}" appears twice' },
  'cultivation-titles-duplicate': { zh: '“{value}”重复', en: '"{value}" appears twice' },
  'cultivation-no-rules': { zh: '{value} 早于《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）施行日 2022-06-01，没有可用的评价标准', en: '{value} is before 2022-06-01, when the cultivation rules (工信部企业〔2022〕63号) took effect; there are no rules to evaluate against' },
  'cultivation-own-enterprise-only': { zh: '企业用户只能为本企业填写自评', en: 'Enterprise users can only fill in self-assessments for their own enterprise' },
  'cultivation-enterprise-required': { zh: '请选择要自评的企业', en: 'Choose the enterprise the self-assessment is for' },
} as const satisfies Record<string, Record<Lang, string>>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;
export type FieldMessageParams = Partial<Record<'value' | 'position' | 'expected' | 'days', string | number>>;

export function renderFieldMessage(key: FieldMessageKey, lang: Lang, params: FieldMessageParams = {}): string {
  return FIELD_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name as keyof FieldMessageParams] ?? ''));
}

export function isFieldMessageKey(reason: string): reason is FieldMessageKey {
  return Object.hasOwn(FIELD_MESSAGES, reason);
}

/** A field error named by message key; its text is rendered in the caller's language by the server's error handler. */
/**
 * A field error as services give it: named by message key with parameters, or, for a
 * message written by a domain rule in both languages, carrying `messages` itself.
 */
export type KeyedFieldError = FieldError & { params?: FieldMessageParams; messages?: Record<Lang, string> };

/** A problem in one cell of an import, named by key like a field error (stored with its parameters). */
export type KeyedCellError = { row: number; column: string; reason: string; message: string; params?: FieldMessageParams };

export function cellError(row: number, column: string, key: FieldMessageKey, params?: FieldMessageParams): KeyedCellError {
  return { row, column, reason: key, message: renderFieldMessage(key, 'zh', params), ...(params ? { params } : {}) };
}

/** A keyed message rendered in `lang`, without its parameters (what leaves the server). */
export function localiseMessage<T extends { reason: string; message: string; params?: FieldMessageParams; messages?: Record<Lang, string> }>(
  e: T,
  lang: Lang,
): Omit<T, 'params' | 'messages'> {
  const { params, messages, ...rest } = e;
  const message = messages ? messages[lang] : isFieldMessageKey(e.reason) ? renderFieldMessage(e.reason, lang, params) : e.message;
  return { ...rest, message };
}

export function fieldError(field: string, key: FieldMessageKey, params?: FieldMessageParams): KeyedFieldError {
  return { field, reason: key, message: renderFieldMessage(key, 'zh', params), ...(params ? { params } : {}) };
}
