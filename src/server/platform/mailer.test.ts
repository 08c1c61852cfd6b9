import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpTestServer, type SmtpTestServer } from '../../../test/server/smtp-test-server.js';
import { ConfigError, loadConfig } from './config.js';
import { createMailer, MailError } from './mailer.js';

const SUBJECT = '【益企】您的诉求“厂房产证办理”已分派至自然资源和规划局，请于5个工作日内办结';
const TEXT = '张经理：\n\n贵公司提交的诉求（编号 2026-0042）已受理。\n承办部门：自然资源和规划局\n办结时限：5个工作日\n\n益企平台';
const SHORT = { timeoutMs: 1_000 };

const mailerFor = (url: string, extra: Record<string, string> = {}) => createMailer(loadConfig({ SMTP_URL: url, ...extra }), SHORT);

/** Rejects with whatever `promise` rejects with, failing when it resolves. */
async function failure(promise: Promise<unknown>): Promise<MailError> {
  const outcome = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(MailError);
  return outcome as MailError;
}

/** A TCP server that accepts connections and never says a word. */
async function startSilentServer() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('createMailer', () => {
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer({ reject: (address) => address.endsWith('@nowhere.test') });
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers a Chinese subject, text and html intact over SMTP with AUTH', async () => {
    const mailer = mailerFor(smtp.url);
    expect(mailer.enabled).toBe(true);
    const before = smtp.messages.length;

    const result = await mailer.send({
      to: ['zhang@enterprise.test', 'li@enterprise.test'],
      subject: SUBJECT,
      text: TEXT,
      html: '<p>张经理：</p><p>诉求已受理，承办部门：<b>自然资源和规划局</b>。</p>',
    });

    expect(result).toEqual({ accepted: ['zhang@enterprise.test', 'li@enterprise.test'], rejected: [] });
    expect(smtp.messages.length).toBe(before + 1);
    const received = smtp.messages.at(-1);
    expect(received?.from).toBe('益企平台 <noreply@yiqi.local>');
    expect(received?.to).toEqual(['zhang@enterprise.test', 'li@enterprise.test']);
    expect(received?.subject).toBe(SUBJECT);
    expect(received?.text.trim()).toBe(TEXT);
    expect(received?.html).toContain('<b>自然资源和规划局</b>');
  });

  it('sends from SMTP_FROM when it is set', async () => {
    const mailer = mailerFor(smtp.url, { SMTP_FROM: '经开区管委会 <bulletins@zone.test>' });
    await mailer.send({ to: ['zhang@enterprise.test'], subject: '周报', text: '本周要情' });
    expect(smtp.messages.at(-1)?.from).toBe('经开区管委会 <bulletins@zone.test>');
  });

  it('reports refused recipients and delivers to the others when some are refused', async () => {
    const result = await mailerFor(smtp.url).send({ to: ['zhang@enterprise.test', 'ghost@nowhere.test'], subject: '通知', text: '内容' });
    expect(result).toEqual({ accepted: ['zhang@enterprise.test'], rejected: ['ghost@nowhere.test'] });
    expect(smtp.messages.at(-1)?.to).toEqual(['zhang@enterprise.test']);
  });

  it('throws a rejected MailError naming the reply when every recipient is refused', async () => {
    const before = smtp.messages.length;
    const err = await failure(mailerFor(smtp.url).send({ to: ['ghost@nowhere.test'], subject: '通知', text: '内容' }));
    expect(err.reason).toBe('rejected');
    expect(err.rejected).toEqual(['ghost@nowhere.test']);
    expect(err.message).toMatch(/550.*No such user: ghost@nowhere\.test/);
    expect(smtp.messages.length).toBe(before);
  });

  it('throws an auth MailError without the password when the credentials are wrong', async () => {
    const url = smtp.url.replace(/:[^:@/]+@/, ':wrong-password@');
    const err = await failure(mailerFor(url).send({ to: ['zhang@enterprise.test'], subject: '通知', text: '内容' }));
    expect(err.reason).toBe('auth');
    expect(err.message).toContain('127.0.0.1');
    expect(err.message).not.toContain('wrong-password');
  });

  it('throws an unreachable MailError at once when nothing listens', async () => {
    const started = Date.now();
    const err = await failure(mailerFor(`smtp://127.0.0.1:${await closedPort()}`).send({ to: ['a@b.test'], subject: '通知', text: '内容' }));
    expect(err.reason).toBe('unreachable');
    expect(err.message).toMatch(/could not be reached.*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('gives up after the timeout when the server never greets', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const err = await failure(mailerFor(`smtp://127.0.0.1:${silent.port}`).send({ to: ['a@b.test'], subject: '通知', text: '内容' }));
      expect(err.reason).toBe('timeout');
      expect(err.message).toContain(`127.0.0.1:${silent.port}`);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });

  it('is disabled and refuses to send when SMTP_URL is unset', async () => {
    const mailer = createMailer(loadConfig({}));
    expect(mailer.enabled).toBe(false);
    const err = await failure(mailer.send({ to: ['a@b.test'], subject: '通知', text: '内容' }));
    expect(err.reason).toBe('disabled');
    expect(err.message).toContain('SMTP_URL');
  });

  it('refuses a message without recipients', async () => {
    const err = await failure(mailerFor(smtp.url).send({ to: [], subject: '通知', text: '内容' }));
    expect(err.reason).toBe('invalid');
  });
});

describe('loadConfig SMTP_*', () => {
  it('defaults the sender and leaves mail off', () => {
    const config = loadConfig({});
    expect(config.smtpUrl).toBeNull();
    expect(config.smtpFrom).toBe('益企平台 <noreply@yiqi.local>');
  });

  it.each([
    ['http://user:hunter2@mail.test', 'SMTP_URL'],
    ['mail.test:587', 'SMTP_URL'],
  ])('refuses SMTP_URL=%s without echoing it', (value, variable) => {
    let error: unknown;
    try {
      loadConfig({ SMTP_URL: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toContain(variable);
    expect((error as ConfigError).message).not.toContain('hunter2');
  });

  it('refuses an SMTP_FROM that is not an address', () => {
    expect(() => loadConfig({ SMTP_FROM: '益企平台' })).toThrow(/SMTP_FROM/);
  });

  it('accepts smtps:// and a bare address', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://u:p%40ss@mail.test', SMTP_FROM: 'noreply@zone.test' });
    expect(config.smtpUrl).toBe('smtps://u:p%40ss@mail.test');
    expect(config.smtpFrom).toBe('noreply@zone.test');
  });
});
