import ExcelJS from 'exceljs';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import { VISIT_LABELS, type VisitQuery } from '../../contracts/visits.js';
import { forbidden } from '../platform/errors.js';
import { visitPolicy } from './visits.policy.js';
import { listVisits } from './visits.service.js';

const EXPORT_LIMIT = 20_000;
const PAGE = 200;
const WORDS = VISIT_LABELS.zh;

/** The visits of the current filter (the plan's list view), one visit per row. */
export async function exportVisits(ctx: AppContext, actor: Actor, q: VisitQuery): Promise<Buffer> {
  if (!visitPolicy.listAll(actor)) throw forbidden();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('走访清单');
  sheet.columns = [
    { header: '走访编号', key: 'number', width: 14 },
    { header: '走访日期', key: 'visitOn', width: 12 },
    { header: '时段', key: 'halfDay', width: 6 },
    { header: '走访领导', key: 'leader', width: 10 },
    { header: '走访主题', key: 'theme', width: 16 },
    { header: '走访企业', key: 'enterprises', width: 48 },
    { header: '企业数（家次）', key: 'enterpriseCount', width: 12 },
    { header: '陪同部门', key: 'departments', width: 30 },
    { header: '挂点干部', key: 'cadres', width: 16 },
    { header: '状态', key: 'status', width: 8 },
    { header: '诉求数', key: 'demands', width: 8 },
    { header: '未办结诉求', key: 'open', width: 10 },
    { header: '走访目的', key: 'purpose', width: 36 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (let page = 1; (page - 1) * PAGE < EXPORT_LIMIT; page += 1) {
    const { items } = await listVisits(ctx, actor, { ...q, page, pageSize: PAGE });
    for (const v of items) {
      sheet.addRow({
        number: v.number,
        visitOn: v.visitOn,
        halfDay: WORDS.halfDay[v.halfDay],
        leader: v.leader.name,
        theme: v.theme?.name ?? '',
        enterprises: v.enterprises.map((e) => e.name).join(WORDS.listSeparator),
        enterpriseCount: v.enterprises.length,
        departments: v.departments.map((d) => d.name).join(WORDS.listSeparator),
        cadres: v.cadres.map((c) => c.name).join(WORDS.listSeparator),
        status: WORDS.status[v.status],
        demands: v.demandCount,
        open: v.openDemandCount,
        purpose: v.purpose ?? '',
      });
    }
    if (items.length < PAGE) break;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
