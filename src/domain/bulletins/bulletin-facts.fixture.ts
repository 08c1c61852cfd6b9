import type { DemandFact } from './bulletin-types.js';

/**
 * Demand facts for the bulletin's tests: a demand in progress at 自然资源和规划分局, received on
 * 2026-03-02 through the portal, unless a test says otherwise.
 */
let next = 0;

export function fact(overrides: Partial<DemandFact> = {}): DemandFact {
  next += 1;
  const n = String(next).padStart(6, '0');
  return {
    id: `00000000-0000-4000-8000-${n.padStart(12, '0')}`,
    number: `YQ-2026-${n}`,
    status: 'in_progress',
    channel: 'portal',
    categoryCode: 'property-certificate',
    categoryName: '产证办理',
    leadDepartmentId: 'dep-nature',
    leadDepartmentName: '自然资源和规划分局',
    submittedOn: '2026-03-02',
    acceptedOn: '2026-03-02',
    closedOn: null,
    settledOn: null,
    dueOn: '2026-03-09',
    dueProvisional: false,
    settledOnTime: null,
    extended: false,
    reopenCount: 0,
    resolved: null,
    confirmedByDefault: false,
    satisfaction: null,
    confidentiality: 'public',
    ...overrides,
  };
}

/** A demand settled on `settledOn` against deadline `dueOn` (on time when settledOn ≤ dueOn). */
export function settled(settledOn: string, dueOn: string, overrides: Partial<DemandFact> = {}): DemandFact {
  return fact({ status: 'settled', settledOn, dueOn, settledOnTime: settledOn <= dueOn, ...overrides });
}

/** A demand settled and then closed on `closedOn`. */
export function closed(closedOn: string, overrides: Partial<DemandFact> = {}): DemandFact {
  return settled('2026-02-20', '2026-02-24', {
    submittedOn: '2026-02-16', acceptedOn: '2026-02-16', status: 'closed', closedOn, resolved: true, ...overrides,
  });
}
