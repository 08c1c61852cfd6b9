import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const p = await b.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
const U = 'http://127.0.0.1:3400';
await p.goto(U + '/login'); await p.screenshot({ path: '/tmp/s-login.png' });
await p.getByTestId('login-username').fill('admin'); await p.getByTestId('login-password').fill('demo12345'); await p.getByTestId('login-submit').click();
await p.waitForURL((u) => !u.pathname.startsWith('/login')); await p.waitForTimeout(1500); await p.screenshot({ path: '/tmp/s-home.png' });
const list = await (await p.request.get(U + '/api/enterprises?pageSize=1')).json();
await p.goto(U + '/enterprises/' + list.items[0].id); await p.waitForTimeout(2000); await p.screenshot({ path: '/tmp/s-detail.png', fullPage: true });
await p.goto(U + '/enterprises/' + list.items[0].id + '/edit'); await p.waitForTimeout(2000);
const uscc = p.getByTestId('enterprise-uscc'); if (await uscc.count()) { await uscc.fill('914403001922038217'); await p.waitForTimeout(500); }
await p.screenshot({ path: '/tmp/s-edit.png' });
for (const path of ['/admin/users', '/admin/calendar', '/admin/audit']) { await p.goto(U + path); await p.waitForTimeout(2000); await p.screenshot({ path: `/tmp/s-${path.split('/').pop()}.png` }); }
console.log(p.url());
await b.close();
