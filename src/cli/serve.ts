import type { Config } from '../server/platform/config.js';
import { openContext } from '../server/platform/boot.js';
import { buildApp } from '../server/app.js';
import { JOB_HANDLERS } from '../server/platform/job-handlers.js';
import { startJobWorker } from '../server/platform/jobs.js';
import { scheduleMonthlyDrafts } from '../server/bulletins/bulletin-jobs.js';
import { scheduleCultivationReminders } from '../server/cultivation/cultivation-reminders.job.js';
import { pollWechatPublications } from '../server/bulletins/bulletin-publication.service.js';
import { createMailer } from '../server/platform/mailer.js';
import { sendPendingMail } from '../server/notifications/notification-mail.js';
import { listZones } from '../server/zone/zone.repository.js';
import { loadDemo } from '../server/demo/demo.service.js';
import { DEMO_USERS } from '../server/demo/demo-data.js';

/** `yiqi serve`: migrate, load the demo zone into an empty database, and serve. */
export async function serve(config: Config): Promise<void> {
  const ctx = await openContext(config);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  if (config.loadDemo && (await listZones(ctx.db)).length === 0) {
    out('首次启动：正在载入演示园区… (first start: loading the demo zone)');
    const r = await loadDemo(ctx, { password: config.demoPassword });
    out(`演示园区已载入：${r.created.enterprises} 家企业，${r.created.users} 个账号，${r.demands} 条诉求。`);
    printAccounts(out, r.password, config.demoPassword !== null);
  }
  const app = await buildApp(ctx);
  // Each zone's next monthly bulletin draft (月通报) is a durable job; scheduling it again is harmless.
  await scheduleMonthlyDrafts(ctx, (e) => app.log.error(e, 'scheduling the monthly bulletin drafts failed'));
  await scheduleCultivationReminders(ctx, (e) => app.log.error(e, 'scheduling the cultivation reminders failed'));
  const mailer = createMailer(config);
  const worker = startJobWorker(ctx, JOB_HANDLERS, config.jobIntervalMs, (e) => app.log.error(e, 'background job run failed'), async () => {
    await sendPendingMail(ctx, mailer);
    await pollWechatPublications(ctx);
    await scheduleMonthlyDrafts(ctx, (e) => app.log.error(e, 'scheduling the monthly bulletin drafts failed'));
    await scheduleCultivationReminders(ctx, (e) => app.log.error(e, 'scheduling the cultivation reminders failed'));
  });
  const close = async () => {
    await worker.stop();
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  out('');
  out(`益企 Yiqi is running at ${url}`);
  out(`  API docs: ${url}/api/docs    database: ${ctx.database.engine === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL'}`);
  out(`  Demo accounts: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  if (!config.demoPassword) out('  (the demo password was printed once, at the first start)');
  else out('  Demo password: the value of DEMO_PASSWORD');
}

export function printAccounts(out: (s: string) => void, password: string | null, fromEnv: boolean) {
  out('');
  out('演示账号 Demo accounts:');
  for (const u of DEMO_USERS) out(`  ${u.username.padEnd(12)} ${u.displayName}  (${u.roles.join(', ')})`);
  if (password && !fromEnv) {
    out('');
    out(`  密码 Password (shown only this once): ${password}`);
  } else if (password) {
    out('  密码 Password: the value of DEMO_PASSWORD');
  }
}
