import {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  findIndustryDivision,
  type IndustrySectionCode,
} from '../../domain/enterprises/industry-codes.js';
import { i18next } from '../i18n/index.js';

export type { IndustrySectionCode };

/** "C 制造业" — the section label in the UI language. */
export function sectionLabel(code: string): string {
  return `${code} ${i18next.t(`industrySections.${code as IndustrySectionCode}`)}`;
}

/** "39 计算机、通信和其他电子设备制造业" — division names are the standard's Chinese names. */
export function divisionLabel(code: string): string {
  const division = findIndustryDivision(code);
  return division ? `${division.code} ${division.name}` : code;
}

/** The full industry of an enterprise for tables and descriptions. */
export function industryText(section: string | null, division: string | null): string {
  if (division) {
    const found = findIndustryDivision(division);
    const sec = found?.section ?? section;
    return sec ? `${sectionLabel(sec)} / ${divisionLabel(division)}` : divisionLabel(division);
  }
  return section ? sectionLabel(section) : '';
}

export function sectionOptions() {
  return INDUSTRY_SECTIONS.map((s) => ({ value: s.code, label: sectionLabel(s.code) }));
}

/** Divisions grouped by section, for a Select with option groups (optionally one section only). */
export function divisionOptionGroups(onlySection?: string) {
  return INDUSTRY_SECTIONS.filter((s) => !onlySection || s.code === onlySection).map((s) => ({
    label: sectionLabel(s.code),
    title: s.code,
    options: INDUSTRY_DIVISIONS.filter((d) => d.section === s.code).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
  }));
}
