import { randomUUID } from 'node:crypto';
import type { Static } from 'typebox';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ThemeCreate, ThemePatch } from '../../contracts/enterprises.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { fieldError } from '../../contracts/field-messages.js';
import { inTransaction } from '../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { enterprisePolicy } from './enterprises.policy.js';
import { insertTheme, listThemes, updateTheme, type ThemeRow } from './enterprises.repository.js';

const present = (t: ThemeRow) => ({ id: t.id, name: t.name, description: t.description, guidingQuestions: t.guidingQuestions, active: t.active });
/** Trimmed, without blanks, each question once (the visit record keys answers by question). */
const cleanQuestions = (qs: string[] | undefined) => (qs ? [...new Set(qs.map((q) => q.trim()).filter(Boolean))] : undefined);

export async function listThemesFor(ctx: AppContext, actor: Actor) {
  if (!enterprisePolicy.listThemes(actor)) throw forbidden();
  const rows = await listThemes(ctx.db, actor.zoneId);
  return { items: rows.map(present), total: rows.length };
}

export async function createTheme(ctx: AppContext, actor: Actor, input: Static<typeof ThemeCreate>) {
  if (!enterprisePolicy.manageThemes(actor)) throw forbidden();
  const name = input.name.trim();
  const existing = await listThemes(ctx.db, actor.zoneId);
  if (existing.some((t) => t.name === name)) throw new DomainError('CONFLICT', [fieldError('name', 'name-taken')]);
  const row = { zoneId: actor.zoneId, id: randomUUID(), name, description: input.description ?? null, guidingQuestions: cleanQuestions(input.guidingQuestions) ?? [], active: true, createdAt: new Date() };
  await inTransaction(ctx.db, async (tx) => {
    await insertTheme(tx, row);
    await recordAudit(tx, actor, { action: 'theme.created', entity: 'theme', entityId: row.id, after: present(row) });
  });
  return present(row);
}

export async function patchTheme(ctx: AppContext, actor: Actor, id: string, patch: Static<typeof ThemePatch>) {
  if (!enterprisePolicy.manageThemes(actor)) throw forbidden();
  const all = await listThemes(ctx.db, actor.zoneId);
  const before = all.find((t) => t.id === id);
  if (!before) throw notFound();
  const name = patch.name?.trim() ?? before.name;
  if (all.some((t) => t.name === name && t.id !== id)) throw new DomainError('CONFLICT', [fieldError('name', 'name-taken')]);
  const after = { ...before, ...patch, name, guidingQuestions: cleanQuestions(patch.guidingQuestions) ?? before.guidingQuestions };
  await inTransaction(ctx.db, async (tx) => {
    await updateTheme(tx, actor.zoneId, id, { name, description: after.description, guidingQuestions: after.guidingQuestions, active: after.active });
    await recordAudit(tx, actor, { action: 'theme.updated', entity: 'theme', entityId: id, before: present(before), after: present(after) });
  });
  return present(after);
}
