import type { Lang } from './errors.js';

/**
 * In-app notification texts by kind, in each UI language. A notification stores
 * its kind and parameters; the server renders it in the reader's language.
 */
export const NOTIFICATION_MESSAGES = {
  'demand.submitted': { zh: '新诉求待受理：{number}「{title}」', en: 'New demand to triage: {number} "{title}"' },
  'demand.accepted': { zh: '您的诉求 {number} 已受理', en: 'Your demand {number} was accepted' },
  'demand.declined': { zh: '您的诉求 {number} 未予受理：{reason}', en: 'Your demand {number} was declined: {reason}' },
  'demand.assigned': { zh: '新分派诉求 {number}「{title}」，请于 {dueOn} 前办结', en: 'Demand {number} "{title}" assigned to you; due {dueOn}' },
  'demand.assisting': { zh: '请配合办理诉求 {number}「{title}」', en: 'Please assist with demand {number} "{title}"' },
  'demand.returned': { zh: '诉求 {number} 被{department}退回，请重新分派：{reason}', en: 'Demand {number} was returned by {department}; reassign it: {reason}' },
  'demand.flagged': { zh: '诉求 {number} 已被退回 {count} 次，请重点协调', en: 'Demand {number} has bounced {count} times; please step in' },
  'demand.input_requested': { zh: '牵头单位请您就诉求 {number} 提供意见：{question}', en: 'The lead department asks for your input on demand {number}: {question}' },
  'demand.extension_requested': { zh: '诉求 {number} 申请延期至 {newDueOn}：{reason}', en: 'Demand {number}: extension to {newDueOn} requested: {reason}' },
  'demand.extension_approved': { zh: '诉求 {number} 延期已批准，新的办结时限为 {newDueOn}', en: 'Demand {number}: extension approved, now due {newDueOn}' },
  'demand.extension_refused': { zh: '诉求 {number} 延期申请未获批准，仍须于 {dueOn} 前办结', en: 'Demand {number}: extension refused; still due {dueOn}' },
  'demand.waiting': { zh: '诉求 {number} 需要您补充：{reason}', en: 'Demand {number} needs something from you: {reason}' },
  'demand.settled': { zh: '诉求 {number} 已办结，请确认是否解决并评价', en: 'Demand {number} is settled; please confirm and rate it' },
  'demand.reopened': { zh: '诉求 {number} 企业反馈未解决，已重新办理，新的时限为 {dueOn}', en: 'Demand {number} reopened (not resolved); now due {dueOn}' },
  'demand.reminder': { zh: '诉求 {number} 将于 {dueOn} 到期，请抓紧办理', en: 'Demand {number} is due {dueOn}' },
  'demand.overdue': { zh: '督办：诉求 {number}「{title}」已超期（时限 {dueOn}，牵头单位 {department}）', en: 'Escalated: demand {number} "{title}" is overdue (due {dueOn}, {department})' },
  'visit.planned': { zh: '走访安排 {number}：{date} {halfDayZh}，{leader} 走访 {enterprises}', en: 'Visit {number} planned: {date} {halfDayEn}, {leader} visits {enterprises}' },
  'visit.changed': { zh: '走访 {number} 调整为 {date} {halfDayZh}（{enterprises}）', en: 'Visit {number} moved to {date} {halfDayEn} ({enterprises})' },
  'visit.cancelled': { zh: '走访 {number}（{date} {halfDayZh}）已取消：{reason}', en: 'Visit {number} ({date} {halfDayEn}) was cancelled: {reason}' },
  'bulletin.draft': { zh: '{month} 月通报草稿已生成，请编辑并提交审核', en: 'The draft bulletin for {month} is ready; edit it and submit it for review' },
  'bulletin.review': { zh: '月通报「{title}」已提交，请审核', en: 'Bulletin "{title}" was submitted for your review' },
  'bulletin.returned': { zh: '月通报「{title}」被退回：{note}', en: 'Bulletin "{title}" was returned: {note}' },
  'bulletin.approved': { zh: '月通报「{title}」已审核通过，可以发布', en: 'Bulletin "{title}" was approved and can be published' },
  'demand.merged': { zh: '您的诉求 {number} 已与 {into} 合并办理', en: 'Your demand {number} was merged into {into}' },
  // Tiered cultivation (梯度培育). {scheme} is the tier's official Chinese name (创新型中小企业, …).
  'cultivation.submitted': { zh: '{enterprise} 提交了{scheme}自评，请审核', en: '{enterprise} submitted a self-assessment for {scheme}; please review it' },
  'cultivation.accepted': { zh: '您的{scheme}自评已通过审核', en: 'Your self-assessment for {scheme} was accepted' },
  'cultivation.returned': { zh: '您的{scheme}自评被退回：{reason}', en: 'Your self-assessment for {scheme} was returned: {reason}' },
  'cultivation.close': { zh: '贵企业距{scheme}标准已较接近，还差：{gaps}', en: 'Your enterprise is close to qualifying as {scheme}; still needed: {gaps}' },
  'cultivation.expiring': { zh: '贵企业的{scheme}资格将于 {validUntil} 到期，请及时申请复核', en: 'Your {scheme} title expires on {validUntil}; apply for its review in time' },
  'cultivation.expiring_officer': { zh: '{enterprise} 的{scheme}资格将于 {validUntil} 到期（剩余 {days} 天），请提醒企业申请复核', en: '{enterprise}: {scheme} title expires on {validUntil} ({days} days left); remind it to apply for review' },
  'cultivation.update_due': { zh: '请于 {deadline} 前完成{scheme}年度信息更新', en: 'Please update your yearly {scheme} information by {deadline}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type NotificationKind = keyof typeof NOTIFICATION_MESSAGES;

export function renderNotification(kind: string, params: Record<string, unknown>, lang: Lang): string {
  const template = (NOTIFICATION_MESSAGES as Record<string, { zh: string; en: string }>)[kind]?.[lang] ?? kind;
  // A parameter may carry its words per language (`gaps_en` beside `gaps`, which is the Chinese).
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[`${name}_${lang}`] ?? params[name];
    return v === undefined || v === null ? '' : String(v);
  });
}
