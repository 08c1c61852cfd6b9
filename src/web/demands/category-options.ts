import type { TFunction } from 'i18next';
import type { DemandCategory } from './demand-types.js';

/** A category's name with its parent's ("厂房土地 / 土地出让"), for selects and tables. */
export function categoryPath(category: DemandCategory, all: DemandCategory[]): string {
  const parent = category.parentCode ? all.find((c) => c.code === category.parentCode) : undefined;
  return parent ? `${parent.name} / ${category.name}` : category.name;
}

/** Categories in tree order: each parent followed by its children, by position. */
export function treeOrder(all: DemandCategory[]): DemandCategory[] {
  const byPosition = [...all].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'zh-CN'));
  const codes = new Set(all.map((c) => c.code));
  const out: DemandCategory[] = [];
  const visit = (parent: string | null, depth: number) => {
    if (depth > 8) return;
    for (const c of byPosition) {
      const p = c.parentCode && codes.has(c.parentCode) ? c.parentCode : null;
      if (p !== parent) continue;
      out.push(c);
      visit(c.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** "5个工作日" — the working days a demand of this category gets. */
export function deadlineText(category: DemandCategory, t: TFunction): string {
  return t('demands.categories.days', { n: category.effectiveDeadlineDays });
}
