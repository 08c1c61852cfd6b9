import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ROLES } from '../../src/domain/identity/roles.js';
import { DEMO_USERS, DEMO_ZONE } from '../../src/server/demo/demo-data.js';
import { DemoRefusedError, loadDemo } from '../../src/server/demo/demo.service.js';
import { inTransaction } from '../../src/server/platform/transaction.js';
import { findZoneByCode } from '../../src/server/zone/zone.repository.js';
import { zones } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { backends, startTestApp, signIn, as, errorOf, type TestApp } from './harness.js';

for (const backend of backends()) {
  describe(`roles and the demo zone [${backend.name}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend);
    });
    afterAll(() => t.close());

    it('lists every role with the number of active demo users holding it', async () => {
      const res = await as(t.app, await signIn(t.app, 'admin'))({ url: '/api/roles' });
      expect(res.statusCode).toBe(200);
      const roles = res.json() as { role: string; userCount: number }[];
      expect(roles.map((r) => r.role)).toEqual([...ROLES]);
      for (const r of roles) expect(r.userCount, r.role).toBe(DEMO_USERS.filter((u) => (u.roles as string[]).includes(r.role)).length);
    });

    it('refuses the role list to an enterprise user', async () => {
      const res = await as(t.app, await signIn(t.app, 'enterprise'))({ url: '/api/roles' });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    });

    it('adds nothing when the demo is loaded again', async () => {
      const again = await loadDemo(t.ctx, { password: null });
      expect(again.created).toEqual({ departments: 0, themes: 0, enterprises: 0, users: 0 });
      expect(again.password).toBeNull();
    });

    it('never loads the demo into a zone that holds real data', async () => {
      const zone = await findZoneByCode(t.ctx.db, DEMO_ZONE.code);
      await inTransaction(t.ctx.db, async (tx) => {
        await tx.update(zones).set({ isDemo: false }).where(eq(zones.id, zone!.id));
      });
      await expect(loadDemo(t.ctx, { password: null })).rejects.toBeInstanceOf(DemoRefusedError);
      await inTransaction(t.ctx.db, async (tx) => {
        await tx.update(zones).set({ isDemo: true }).where(eq(zones.id, zone!.id));
      });
    });
  });
}
