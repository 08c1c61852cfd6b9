/**
 * The roles of the platform (design.md, "People and what they do"). A user may
 * hold several. Department handlers belong to a department; enterprise users to
 * an enterprise.
 */
export const ROLES = ['admin', 'leader', 'coordinator', 'department', 'cadre', 'enterprise', 'approval', 'industry'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of department: 统筹协调 / 责任单位 / 审批部门 / 行业主管. */
export const DEPARTMENT_KINDS = ['coordinating', 'responsible', 'approval', 'industry'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** Roles that act for the administration (everyone but enterprise users). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'leader', 'coordinator', 'department', 'cadre', 'approval', 'industry'];
