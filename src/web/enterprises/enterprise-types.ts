import type {
  EnterpriseCreate as EnterpriseCreateSchema,
  EnterpriseDetail as EnterpriseDetailSchema,
  ImportJob as ImportJobSchema,
  ImportStatus,
  Qualification as QualificationSchema,
  QualificationKind,
  SIZE_SECTOR_KEYS,
} from '../../contracts/enterprises.js';

// The contracts build unions with `Type.Union(KEYS.map(...))`, whose static type is `never`;
// these aliases restore the literal unions for the web app.

export type { QualificationKind, ImportStatus };
export type SizeSectorKey = (typeof SIZE_SECTOR_KEYS)[number];

export type QualificationInput = Omit<QualificationSchema, 'kind'> & { kind: QualificationKind };

export type EnterpriseInput = Omit<EnterpriseCreateSchema, 'sizeSector' | 'qualifications'> & {
  sizeSector?: SizeSectorKey | null;
  qualifications?: QualificationInput[];
};

export type EnterpriseDetail = Omit<EnterpriseDetailSchema, 'qualifications'> & {
  qualifications: (QualificationInput & { id: string; valid: boolean })[];
};

export type ImportJob = Omit<ImportJobSchema, 'status'> & { status: ImportStatus };
