/**
 * Every error code the API can return, with its HTTP status and a message in
 * each UI language. Services throw `DomainError(code)`; the server's error
 * handler renders `{ error: { code, message, details } }`; the web app looks
 * the message up by `code` (never by parsing text).
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid' },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'Malformed request' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已暂时锁定，请稍后再试', en: 'Too many failed sign-ins; the account is locked for a while' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'This account is disabled' },
  CSRF_FAILED: { status: 403, zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '未找到该记录', en: 'Not found' },
  CONFLICT: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  USCC_INVALID: { status: 400, zh: '统一社会信用代码无效', en: 'Invalid Unified Social Credit Code' },
  USCC_DUPLICATE: { status: 409, zh: '本园区已有使用该统一社会信用代码的企业', en: 'An enterprise with this USCC already exists in the zone' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'Username is taken' },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: { status: 400, zh: '密码至少 8 位，且需同时包含字母和数字', en: 'Passwords need at least 8 characters with letters and digits' },
  IN_USE: { status: 409, zh: '该记录仍被使用，无法删除', en: 'Still in use; cannot delete' },
  IMPORT_INVALID_FILE: { status: 400, zh: '文件不是有效的 Excel（.xlsx）文件', en: 'The file is not a valid .xlsx workbook' },
  IMPORT_ROWS_INVALID: { status: 422, zh: '导入文件中有错误，未导入任何数据', en: 'The file has errors; nothing was imported' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传文件过大', en: 'The upload is too large' },
  CALENDAR_INVALID: { status: 400, zh: '节假日安排数据有误', en: 'The holiday arrangement is invalid' },
  CALENDAR_OUT_OF_RANGE: { status: 400, zh: '日期超出工作日历范围', en: 'Date is outside the working-day calendar' },
  DEMAND_STATE_CONFLICT: { status: 409, zh: '该诉求当前的状态不允许此操作，请刷新后查看最新进展', en: 'The demand is not in a state that allows this; reload to see where it stands' },
  DEMAND_EXTENSION_PENDING: { status: 409, zh: '已有一项延期申请待审批，请等待协调部门处理', en: 'An extension request is already waiting for a decision' },
  DEMAND_NO_PENDING_EXTENSION: { status: 409, zh: '没有待审批的延期申请', en: 'There is no extension request waiting for a decision' },
  DEMAND_MERGE_INVALID: { status: 409, zh: '无法合并：只能合并同一企业尚未办结的两条不同诉求', en: 'Cannot merge: only two different open demands of the same enterprise can be merged' },
  VISIT_SLOT_TAKEN: { status: 409, zh: '该领导在这个半天已有走访安排', en: 'The leader already has a visit in this half-day' },
  VISIT_STATE_CONFLICT: { status: 409, zh: '该走访已签发或已取消，不能再修改', en: 'This visit has been signed off or cancelled and can no longer change' },
  VISIT_HAS_RECORD: { status: 409, zh: '该走访已有现场办公问题记录，不能取消', en: 'This visit already has problems recorded at its on-site office and cannot be cancelled' },
  BULLETIN_STATE_CONFLICT: { status: 409, zh: '该通报当前的状态不允许此操作，请刷新后查看', en: 'The bulletin is not in a state that allows this; reload to see where it stands' },
  // Tiered cultivation (梯度培育)
  ASSESSMENT_STATE_CONFLICT: { status: 409, zh: '该自评当前的状态不允许此操作，请刷新后查看最新状态', en: 'The self-assessment is not in a state that allows this; reload to see where it stands' },
  ASSESSMENT_SUBMISSION_OPEN: { status: 409, zh: '该企业已有一份同一层级的自评在审核中，请等待审核结果后再提交', en: 'This enterprise already has a self-assessment for this tier waiting for review; wait for the decision before submitting another' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, zh: '附件类型不允许：仅支持图片、PDF 和 Office 文档', en: 'File type not allowed: images, PDF and Office documents only' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal error; please try again later' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One field-level problem: `field` is a dotted path (`contacts.0.phone`), `reason` a short machine key. */
export type FieldError = { field: string; reason: string; message: string };

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: FieldError[] | Record<string, unknown> };
};

export type Lang = 'zh' | 'en';

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERROR_CODES[code][lang];
}
