import type {
  EnterpriseCreate,
  EnterpriseDetail,
  ImportJob,
  ImportStatus,
  Qualification,
  QualificationKind,
  SizeSector,
} from '../../contracts/enterprises.js';

/** The web's names for the enterprise contract types (one source: src/contracts/enterprises.ts). */
export type { EnterpriseDetail, ImportJob, ImportStatus, QualificationKind };
export type SizeSectorKey = SizeSector;
export type QualificationInput = Qualification;
export type EnterpriseInput = EnterpriseCreate;
