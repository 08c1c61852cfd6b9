import Type from 'typebox';
import { QUALIFICATION_KINDS, SIZE_SECTORS } from '../domain/enterprises/index.js';
import { StringEnum, Uuid, IsoDate, Text, Paging } from './common.js';

/** Keys of the domain's lists (one source: src/domain/enterprises). */
export const QUALIFICATION_KIND_KEYS = QUALIFICATION_KINDS.map((k) => k.key);
export const SIZE_SECTOR_KEYS = SIZE_SECTORS.map((s) => s.key);
export type { QualificationKind, SizeSector } from '../domain/enterprises/index.js';

const Money = Type.Union([Type.Number({ minimum: 0, maximum: 1e14 }), Type.Null()]);
const Count = Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()]);
const SignedMoney = Type.Union([Type.Number({ minimum: -1e14, maximum: 1e14 }), Type.Null()]);

/** Yearly figures (money in yuan). Null means "not reported", never zero. */
export const YearlyFigures = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    employees: Count,
    revenue: Money,
    mainRevenue: Money,
    totalAssets: Money,
    liabilities: SignedMoney,
    rdExpense: Money,
    rdStaff: Count,
    ipInvention: Count,
    ipUtilityModel: Count,
    ipDesign: Count,
    ipSoftware: Count,
    ipOther: Count,
    equityFinancing: Money,
  },
  { additionalProperties: false },
);
export type YearlyFigures = Type.Static<typeof YearlyFigures>;
export const FIGURE_FIELDS = [
  'employees',
  'revenue',
  'mainRevenue',
  'totalAssets',
  'liabilities',
  'rdExpense',
  'rdStaff',
  'ipInvention',
  'ipUtilityModel',
  'ipDesign',
  'ipSoftware',
  'ipOther',
  'equityFinancing',
] as const satisfies readonly (keyof YearlyFigures)[];

export const Qualification = Type.Object(
  {
    kind: StringEnum(QUALIFICATION_KIND_KEYS),
    name: Type.Optional(Type.Union([Text(100), Type.Null()])),
    certificateNo: Type.Optional(Type.Union([Text(64), Type.Null()])),
    validFrom: IsoDate,
    validUntil: Type.Union([IsoDate, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Qualification = Type.Static<typeof Qualification>;

export const Contact = Type.Object(
  {
    name: Text(64, 1),
    title: Type.Optional(Type.Union([Text(64), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40, pattern: '^[0-9+\\- ()]*$' }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 120, format: 'email' }), Type.Null()])),
    isPrimary: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type Contact = Type.Static<typeof Contact>;

const SizeSectorSchema = StringEnum(SIZE_SECTOR_KEYS);
const DivisionSchema = Type.String({ pattern: '^[0-9]{2}$', description: 'GB/T 4754-2017 两位大类代码' });

const editable = {
  name: Text(200, 2),
  uscc: Text(40, 1),
  legalRepresentative: Type.Union([Text(64), Type.Null()]),
  industryDivision: Type.Union([DivisionSchema, Type.Null()]),
  sizeSector: Type.Union([SizeSectorSchema, Type.Null()]),
  address: Type.Union([Text(300), Type.Null()]),
  foundedOn: Type.Union([IsoDate, Type.Null()]),
  aboveScale: Type.Boolean(),
  cadreId: Type.Union([Uuid, Type.Null()]),
  leaderId: Type.Union([Uuid, Type.Null()]),
  description: Type.Union([Text(2000), Type.Null()]),
  themeIds: Type.Array(Uuid, { uniqueItems: true, maxItems: 20 }),
  qualifications: Type.Array(Qualification, { maxItems: 50 }),
  contacts: Type.Array(Contact, { maxItems: 20 }),
  figures: Type.Array(YearlyFigures, { maxItems: 30 }),
};

export const EnterpriseCreate = Type.Object(
  {
    name: editable.name,
    uscc: editable.uscc,
    legalRepresentative: Type.Optional(editable.legalRepresentative),
    industryDivision: Type.Optional(editable.industryDivision),
    sizeSector: Type.Optional(editable.sizeSector),
    address: Type.Optional(editable.address),
    foundedOn: Type.Optional(editable.foundedOn),
    aboveScale: Type.Optional(editable.aboveScale),
    cadreId: Type.Optional(editable.cadreId),
    leaderId: Type.Optional(editable.leaderId),
    description: Type.Optional(editable.description),
    themeIds: Type.Optional(editable.themeIds),
    qualifications: Type.Optional(editable.qualifications),
    contacts: Type.Optional(editable.contacts),
    figures: Type.Optional(editable.figures),
  },
  { additionalProperties: false },
);
export type EnterpriseCreate = Type.Static<typeof EnterpriseCreate>;
export const EnterprisePatch = Type.Partial(EnterpriseCreate, { additionalProperties: false });
export type EnterprisePatch = Type.Static<typeof EnterprisePatch>;

export const EnterpriseSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  uscc: Type.String(),
  legalRepresentative: Type.Union([Type.String(), Type.Null()]),
  industryDivision: Type.Union([Type.String(), Type.Null()]),
  industrySection: Type.Union([Type.String(), Type.Null()]),
  sizeSector: Type.Union([Type.String(), Type.Null()]),
  aboveScale: Type.Boolean(),
  cadreId: Type.Union([Uuid, Type.Null()]),
  cadreName: Type.Union([Type.String(), Type.Null()]),
  leaderId: Type.Union([Uuid, Type.Null()]),
  leaderName: Type.Union([Type.String(), Type.Null()]),
  themes: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  qualificationKinds: Type.Array(Type.String()),
  latestYear: Type.Union([Type.Integer(), Type.Null()]),
  latestRevenue: Type.Union([Type.Number(), Type.Null()]),
  latestEmployees: Type.Union([Type.Integer(), Type.Null()]),
  isDemo: Type.Boolean(),
  updatedAt: Type.String(),
});
export type EnterpriseSummary = Type.Static<typeof EnterpriseSummary>;

export const EnterpriseDetail = Type.Object({
  ...EnterpriseSummary.properties,
  address: Type.Union([Type.String(), Type.Null()]),
  foundedOn: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  qualifications: Type.Array(Type.Object({ ...Qualification.properties, id: Uuid, valid: Type.Boolean() })),
  contacts: Type.Array(Type.Object({ ...Contact.properties, id: Uuid })),
  figures: Type.Array(YearlyFigures),
  canEdit: Type.Boolean(),
});
export type EnterpriseDetail = Type.Static<typeof EnterpriseDetail>;

export const ENTERPRISE_SORTS = ['name', 'updatedAt', 'latestRevenue', 'latestEmployees', 'foundedOn'] as const;

export const EnterpriseQuery = Type.Object(
  {
    q: Type.Optional(Text(100)),
    themeId: Type.Optional(Uuid),
    industrySection: Type.Optional(Type.String({ pattern: '^[A-T]$' })),
    industryDivision: Type.Optional(DivisionSchema),
    sizeSector: Type.Optional(SizeSectorSchema),
    qualification: Type.Optional(StringEnum(QUALIFICATION_KIND_KEYS)),
    cadreId: Type.Optional(Uuid),
    leaderId: Type.Optional(Uuid),
    aboveScale: Type.Optional(Type.Boolean()),
    sort: Type.Optional(StringEnum(ENTERPRISE_SORTS)),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    ...Paging,
  },
  { additionalProperties: false },
);
export type EnterpriseQuery = Type.Static<typeof EnterpriseQuery>;

/** A theme groups enterprises and names a visit's focus (走访主题); its guiding questions appear in the visit record. */
export const Theme = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  guidingQuestions: Type.Array(Type.String()),
  active: Type.Boolean(),
});
const GuidingQuestions = Type.Array(Text(200, 1), { maxItems: 20, uniqueItems: true });
export const ThemeCreate = Type.Object(
  { name: Text(40, 1), description: Type.Optional(Type.Union([Text(500), Type.Null()])), guidingQuestions: Type.Optional(GuidingQuestions) },
  { additionalProperties: false },
);
export const ThemePatch = Type.Partial(
  Type.Object({ name: Text(40, 1), description: Type.Union([Text(500), Type.Null()]), guidingQuestions: GuidingQuestions, active: Type.Boolean() }),
  { additionalProperties: false },
);

/** A problem in one cell of an import file: row is the Excel row number (1-based, header = 1). */
export const ImportCellError = Type.Object({
  row: Type.Integer(),
  column: Type.String({ description: 'the column header as in the file' }),
  reason: Type.String({ description: 'message key (src/contracts/field-messages.ts)' }),
  message: Type.String({ description: 'in the language of the request' }),
});
export type ImportCellError = Type.Static<typeof ImportCellError>;

export const IMPORT_STATUSES = ['queued', 'validating', 'writing', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const ImportJob = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  status: StringEnum(IMPORT_STATUSES),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(ImportCellError),
  message: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ImportJob = Type.Static<typeof ImportJob>;
