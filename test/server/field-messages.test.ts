import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { backends, startTestApp, signIn, as, errorOf, type TestApp } from './harness.js';

type Details = { field: string; reason: string; message: string }[];

for (const backend of backends()) {
  describe(`field messages in the user's language [${backend.name}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend);
    });
    afterAll(() => t.close());

    it('answers a service-level field error in English when the web app asks for English', async () => {
      const admin = as(t.app, await signIn(t.app, 'admin'));
      const payload = { name: '景德镇英文提示有限公司', uscc: '914403001922038217' };
      const zh = await admin({ method: 'POST', url: '/api/enterprises', payload });
      const en = await admin({ method: 'POST', url: '/api/enterprises', payload, headers: { 'x-yiqi-lang': 'en' } });
      expect(zh.statusCode).toBe(400);
      expect((errorOf(zh).details as Details)[0]).toMatchObject({ field: 'uscc', reason: 'uscc-check-digit', message: '校验码错误：第18位应为“6”，实为“7”' });
      expect((errorOf(en).details as Details)[0]).toMatchObject({ field: 'uscc', message: 'Wrong check character: position 18 should be "6", not "7"' });
      expect(errorOf(en).message).toBe('Invalid Unified Social Credit Code');
    });

    it("answers a calendar rule's message in English too", async () => {
      const admin = as(t.app, await signIn(t.app, 'admin'));
      // Test data, not an official arrangement: 2027-06-02 is a Wednesday, which cannot be an adjusted working day.
      const payload = { year: 2027, notice: 'TEST', issuedOn: '2026-11-01', source: 'https://example.invalid/test', offRanges: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], adjustedWorkdays: ['2027-06-02'] };
      const en = await admin({ method: 'POST', url: '/api/calendar/years', payload, headers: { 'x-yiqi-lang': 'en' } });
      const zh = await admin({ method: 'POST', url: '/api/calendar/years', payload });
      expect(en.statusCode).toBe(400);
      const enDetail = (errorOf(en).details as Details)[0]!;
      const zhDetail = (errorOf(zh).details as Details)[0]!;
      expect(enDetail.field).toBe(zhDetail.field);
      expect(enDetail.message).toContain('2027-06-02');
      expect(enDetail.message).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zhDetail.message).toMatch(/[\u4e00-\u9fff]/);
      expect(Object.keys(enDetail)).not.toContain('messages');
    });

    it('does not leak message parameters into the reply', async () => {
      const admin = as(t.app, await signIn(t.app, 'admin'));
      const res = await admin({ method: 'PATCH', url: '/api/zone', payload: { timeZone: 'Mars/Base' }, headers: { 'x-yiqi-lang': 'en' } });
      expect(res.statusCode).toBe(400);
      expect((errorOf(res).details as Details)[0]).toEqual({ field: 'timeZone', reason: 'unknown-time-zone', message: 'Unknown time zone: Mars/Base' });
    });
  });
}
