import ExcelJS from 'exceljs';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { DemandQuery } from '../../contracts/demands.js';
import { forbidden } from '../platform/errors.js';
import { DEMAND_LABELS } from '../../contracts/demand-labels.js';
import { demandPolicy } from './demands.policy.js';
import { listDemands } from './demands.service.js';
import { zoneToday } from '../zone/zone-today.js';

const { status: STATUS_NAMES, channel: CHANNEL_NAMES, satisfaction: SATISFACTION_NAMES } = DEMAND_LABELS.zh;

const EXPORT_LIMIT = 50_000;
const PAGE = 200;

/** The coordinator's current filter, as a workbook (one demand per row). */
export async function exportDemands(ctx: AppContext, actor: Actor, q: DemandQuery): Promise<Buffer> {
  if (!demandPolicy.export(actor)) throw forbidden();
  const { timeZone } = await zoneToday(ctx, actor.zoneId);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('诉求清单');
  sheet.columns = [
    { header: '编号', key: 'number', width: 15 },
    { header: '标题', key: 'title', width: 36 },
    { header: '企业', key: 'enterprise', width: 30 },
    { header: '分类', key: 'category', width: 12 },
    { header: '渠道', key: 'channel', width: 14 },
    { header: '状态', key: 'status', width: 12 },
    { header: '牵头单位', key: 'lead', width: 20 },
    { header: '提交时间', key: 'submittedAt', width: 18 },
    { header: '办结时限', key: 'dueOn', width: 12 },
    { header: '时限暂定', key: 'provisional', width: 9 },
    { header: '剩余工作日', key: 'left', width: 10 },
    { header: '延期', key: 'extended', width: 6 },
    { header: '退回次数', key: 'bounces', width: 8 },
    { header: '重办次数', key: 'reopens', width: 8 },
    { header: '督办', key: 'escalated', width: 6 },
    { header: '按时办结', key: 'onTime', width: 9 },
    { header: '满意度', key: 'satisfaction', width: 10 },
    { header: '默认确认', key: 'byDefault', width: 9 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');
  for (let page = 1; (page - 1) * PAGE < EXPORT_LIMIT; page += 1) {
    const { items } = await listDemands(ctx, actor, { ...q, page, pageSize: PAGE });
    for (const d of items) {
      sheet.addRow({
        number: d.number,
        title: d.title,
        enterprise: d.enterpriseName,
        category: d.categoryName,
        channel: CHANNEL_NAMES[d.channel],
        status: STATUS_NAMES[d.status],
        lead: d.leadDepartmentName ?? '',
        submittedAt: new Date(d.submittedAt).toLocaleString('zh-CN', { timeZone, hour12: false }),
        dueOn: d.dueOn ?? '',
        provisional: d.dueOn ? yesNo(d.provisional) : '',
        left: d.countdown?.workingDaysLeft ?? '',
        extended: yesNo(d.extended),
        bounces: d.bounceCount,
        reopens: d.reopenCount,
        escalated: yesNo(d.escalationLevel > 0),
        onTime: yesNo(d.settledOnTime),
        satisfaction: d.satisfaction ? SATISFACTION_NAMES[d.satisfaction] : '',
        byDefault: d.confirmedByDefault ? '是' : '',
      });
    }
    if (items.length < PAGE) break;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
