import { AlignmentType, Footer, PageNumber, Paragraph, TextRun, type IRunOptions, type ISectionPropertiesOptions, type ParagraphChild } from 'docx';

/**
 * The look of a Chinese government document (党政机关公文格式, GB/T 9704-2012) shared by every
 * Word file the platform writes (the visit brief, the monthly bulletin): A4 with 37/35/28/26 mm
 * margins, 仿宋 三号 (16 pt) body on a fixed 28 pt line, 黑体 headings, page numbers "— n —".
 */
export const font = (latin: string, eastAsia: string) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });
export const XIAOBIAOSONG = font('SimSun', '方正小标宋简体');
export const SONG = font('SimSun', '宋体');
export const FANGSONG = font('FangSong', '仿宋');
export const HEI = font('SimHei', '黑体');
export const KAI = font('KaiTi', '楷体');

/** Half-points, as Word sizes text. */
export const pt = (points: number) => points * 2;
/** Twentieths of a point (twips), as Word measures pages. */
export const mm = (millimetres: number) => Math.round((millimetres / 25.4) * 1440);
/** A first-line indent of two characters of the body text. */
export const TWO_CHARS = pt(16) * 20;

export const OFFICIAL_STYLES = {
  default: { document: { run: { font: FANGSONG, size: pt(16) }, paragraph: { spacing: { line: 560, lineRule: 'exact' as const } } } },
};

export const OFFICIAL_PAGE: ISectionPropertiesOptions = {
  page: {
    size: { width: mm(210), height: mm(297) },
    margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
  },
};

/** "— 3 —" centred at the foot of every page. */
export const pageNumberFooter = () => ({
  default: new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ font: SONG, size: pt(14), children: ['— ', PageNumber.CURRENT, ' —'] })],
    })],
  }),
});

export const run = (text: string, o: IRunOptions = {}) => new TextRun({ text, ...o });
export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** A body paragraph: justified, indented two characters unless told otherwise. */
export const para = (children: ParagraphChild[] | string, o: { align?: Align; indent?: boolean; keepNext?: boolean; pageBreakBefore?: boolean } = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    keepNext: o.keepNext,
    pageBreakBefore: o.pageBreakBefore,
    indent: o.indent === false ? undefined : { firstLine: TWO_CHARS },
    children: typeof children === 'string' ? [run(children)] : children,
  });

/** A first-level heading (一、…) in 黑体, kept with what follows. */
export const heading = (text: string) => new Paragraph({ indent: { firstLine: TWO_CHARS }, keepNext: true, children: [run(text, { font: HEI })] });
