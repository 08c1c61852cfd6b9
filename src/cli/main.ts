import fs from 'node:fs';
import { Command, Option } from 'commander';
import { loadConfig, ConfigError, type Config } from '../server/platform/config.js';
import { ROLES, type Role } from '../domain/identity/roles.js';
import type { ImportStatus } from '../contracts/enterprises.js';
import { checkUscc } from '../domain/enterprises/index.js';
import { addWorkingDays, buildWorkingCalendar, isWorkingDay, parseYearArrangement, CalendarDataError, CalendarRangeError, isIsoDate } from '../domain/calendar/index.js';
import { mergeArrangements } from '../server/calendar/calendar.service.js';
import { serve } from './serve.js';
import { withContext, zoneActor } from './context.js';
import { createProgress } from './progress.js';
import { CliExit, exitWith } from './cli-exit.js';

const out = (s: string) => process.stdout.write(`${s}\n`);
const fail = (s: string, code: 1 | 2 = 1): never => exitWith(s, code);

function config(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message, 2);
    throw e;
  }
}

const program = new Command('yiqi').description('益企 Yiqi — the zone administration’s platform for its enterprises').showHelpAfterError();

program.command('serve').description('migrate the database, load the demo zone on first start, and serve the platform').action(() => serve(config()));

program.command('migrate').description('bring the database schema up to date').action(() =>
  withContext(config(), async (ctx) => {
    out(`migrated (${ctx.database.engine})`);
  }),
);

const demo = program.command('demo').description('the demo zone');
demo.command('load').description('load the demo zone (idempotent: adds only what is missing)').action(() =>
  withContext(config(), async (ctx) => {
    const { loadDemo } = await import('../server/demo/demo.service.js');
    const { printAccounts } = await import('./serve.js');
    const r = await loadDemo(ctx, { password: ctx.config.demoPassword });
    out(`demo zone ${r.zoneId}: created ${JSON.stringify(r.created)}`);
    if (r.password) printAccounts(out, r.password, ctx.config.demoPassword !== null);
  }),
);

const zones = program.command('zones').description('zones (tenants)');
zones
  .command('add <code> <name>')
  .description('create a zone')
  .action((code: string, name: string) =>
    withContext(config(), async (ctx) => {
      const { createZone } = await import('./zones.js');
      out(await createZone(ctx, code, name));
    }),
  );

const users = program.command('users').description('user accounts');
users
  .command('add')
  .description('create a user')
  .requiredOption('--username <username>')
  .requiredOption('--display-name <name>')
  .addOption(new Option('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`).makeOptionMandatory())
  .option('--password <password>', 'initial password (otherwise one is generated and printed)')
  .option('--department <name>', 'department name (for department users)')
  .option('--enterprise <uscc>', 'enterprise USCC (for enterprise users)')
  .option('--zone <code>', 'zone code (default: the first zone)')
  .action((o: { username: string; displayName: string; roles: string; password?: string; department?: string; enterprise?: string; zone?: string }) =>
    withContext(config(), async (ctx) => {
      const roles = o.roles.split(',').map((r) => r.trim()).filter(Boolean);
      const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) fail(`unknown role(s): ${bad.join(', ')}; roles are ${ROLES.join(', ')}`);
      const { addUser } = await import('./users.js');
      out(await addUser(ctx, { ...o, roles: roles as Role[] }));
    }),
  );

const enterprises = program.command('enterprises').description('the enterprise registry');
enterprises
  .command('import <file>')
  .description('import enterprises from an .xlsx file in the template’s columns (all or nothing)')
  .option('--zone <code>', 'zone code (default: the first zone)')
  .action((file: string, o: { zone?: string }) =>
    withContext(config(), async (ctx) => {
      if (!fs.existsSync(file)) fail(`no such file: ${file}`);
      const { createImportJob, runImport } = await import('../server/enterprises/enterprises-import.service.js');
      const actor = await zoneActor(ctx, o.zone);
      const id = await createImportJob(ctx, actor, file);
      const progress = createProgress();
      const labels: Partial<Record<ImportStatus, string>> = { validating: '校验 checking', writing: '写入 writing' };
      const job = await runImport(ctx, actor, id, fs.readFileSync(file), (p) => {
        const label = labels[p.status];
        if (label) progress.update(p.processed, p.total, label);
      });
      progress.stop();
      if (job.status !== 'succeeded') {
        for (const e of job.errors.slice(0, 50)) process.stderr.write(`第 ${e.row} 行 [${e.column}] ${e.message}\n`);
        if (job.errorCount > 50) process.stderr.write(`… ${job.errorCount - 50} more\n`);
        fail(`导入失败，未导入任何数据 (${job.message ?? 'failed'})`);
      }
      out(`导入成功 imported: ${job.created} created, ${job.updated} updated`);
    }),
  );
enterprises
  .command('export <file>')
  .description('export every enterprise of the zone to an .xlsx file')
  .option('--zone <code>', 'zone code (default: the first zone)')
  .action((file: string, o: { zone?: string }) =>
    withContext(config(), async (ctx) => {
      const { exportAll } = await import('./enterprises.js');
      const n = await exportAll(ctx, file, o.zone);
      out(`exported ${n} enterprises to ${file}`);
    }),
  );

const calendar = program.command('calendar').description('the working-day calendar (official State Council arrangements)');
const arrangementOption = new Option('--arrangement <file...>', 'extra official arrangement JSON file(s) to use');
function cliCalendar(files: string[] = []) {
  try {
    const extra = files.map((f) => parseYearArrangement(JSON.parse(fs.readFileSync(f, 'utf8'))));
    return buildWorkingCalendar({ arrangements: mergeArrangements(extra) });
  } catch (e) {
    if (e instanceof CalendarDataError) fail(`${e.field}: ${e.message}`, 2);
    return fail(`cannot read arrangement: ${(e as Error).message}`, 2);
  }
}
calendar
  .command('add-working-days <date> <n>')
  .description('the N-th working day strictly after DATE (DATE itself never counts)')
  .option('--json', 'print JSON {"due","provisional"}')
  .addOption(arrangementOption)
  .action((date: string, n: string, o: { json?: boolean; arrangement?: string[] }) => {
    if (!isIsoDate(date)) fail(`invalid date: ${date} (expected YYYY-MM-DD)`, 2);
    if (!/^\d+$/.test(n)) fail(`invalid number of working days: ${n}`, 2);
    try {
      const r = addWorkingDays(cliCalendar(o.arrangement), date, Number(n));
      out(o.json ? JSON.stringify(r) : `${r.due}${r.provisional ? '  (暂定 provisional: no official arrangement for that year yet)' : ''}`);
    } catch (e) {
      if (e instanceof CalendarRangeError) fail(e.message, 2);
      throw e;
    }
  });
calendar
  .command('is-working-day <date>')
  .description('whether DATE is a working day, and why')
  .option('--json', 'print JSON {"date","workingDay","reason","provisional"}')
  .addOption(arrangementOption)
  .action((date: string, o: { json?: boolean; arrangement?: string[] }) => {
    if (!isIsoDate(date)) fail(`invalid date: ${date} (expected YYYY-MM-DD)`, 2);
    try {
      const a = isWorkingDay(cliCalendar(o.arrangement), date);
      out(o.json ? JSON.stringify({ date, workingDay: a.workingDay, reason: a.reason, provisional: a.provisional }) : `${date} ${a.workingDay ? '工作日 working day' : '休息日 day off'} — ${a.reason}${a.provisional ? ' (暂定 provisional)' : ''}`);
    } catch (e) {
      if (e instanceof CalendarRangeError) fail(e.message, 2);
      throw e;
    }
  });
calendar
  .command('import <file>')
  .description('load an official arrangement (JSON) into the zone(s), replacing a provisional year')
  .option('--zone <code>', 'only this zone (default: every zone)')
  .action((file: string, o: { zone?: string }) =>
    withContext(config(), async (ctx) => {
      const { importArrangementFile } = await import('./calendar.js');
      out(await importArrangementFile(ctx, file, o.zone));
    }),
  );

const uscc = program.command('uscc').description('Unified Social Credit Codes (GB 32100-2015)');
uscc
  .command('check <code>')
  .description('exit 0 for a valid code, 1 for an invalid one, printing the reason')
  .option('--json', 'print JSON')
  .action((code: string, o: { json?: boolean }) => {
    const r = checkUscc(code);
    if (o.json) out(JSON.stringify(r));
    else out(r.valid ? `${r.code} 有效 valid${r.warnings.length ? `（${r.warnings.join('；')}）` : ''}` : `${r.code} 无效 invalid: ${r.message}`);
    process.exitCode = r.valid ? 0 : 1;
  });

program
  .command('bench')
  .description('run the benchmarks (speed targets; exit 1 when one is missed)')
  .option('--postgres <url>', 'also run the import and the 1,000,000-demand benchmarks on this PostgreSQL database (it is emptied first)')
  .action(async (o: { postgres?: string }) => {
    const { runBenchmarks } = await import('./bench.js');
    await runBenchmarks(config(), { postgresUrl: o.postgres });
  });

(await import('./sme.js')).registerSmeCommands(program);
(await import('./cultivation.js')).registerCultivationCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (!(e instanceof CliExit)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = e.code;
}
