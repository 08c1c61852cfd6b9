import nodemailer from 'nodemailer';
import type { Config } from './config.js';

export type MailMessage = { to: string[]; subject: string; text: string; html?: string };

/** Recipients the server took and those it refused (some may be refused while others are accepted). */
export type MailResult = { accepted: string[]; rejected: string[] };

export type Mailer = {
  /** False when SMTP_URL is unset: callers check this and skip e-mail; `send` then rejects. */
  enabled: boolean;
  send(msg: MailMessage): Promise<MailResult>;
};

export type MailFailure = 'disabled' | 'invalid' | 'unreachable' | 'timeout' | 'auth' | 'rejected' | 'failed';

/** Why a message was not sent; `message` names the server (never its password) and its reply. */
export class MailError extends Error {
  constructor(
    readonly reason: MailFailure,
    message: string,
    readonly rejected: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailError';
  }
}

export type MailerOptions = {
  /** Limit for connecting, for the server's greeting and for each silence on the socket. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * E-mail over SMTP: smtp:// upgrades with STARTTLS when the server offers it (certificates
 * verified), smtps:// speaks TLS from the start. Subjects and bodies are UTF-8 (nodemailer
 * encodes headers per RFC 2047 and bodies as quoted-printable or base64).
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>, options: MailerOptions = {}): Mailer {
  if (config.smtpUrl === null) {
    return {
      enabled: false,
      send: () => Promise.reject(new MailError('disabled', 'E-mail is disabled: set SMTP_URL to send mail')),
    };
  }
  const url = new URL(config.smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  const server = `${url.hostname}:${port}`;
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    secure,
    auth: url.username === '' ? undefined : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });

  return {
    enabled: true,
    async send(msg) {
      if (msg.to.length === 0) throw new MailError('invalid', 'E-mail needs at least one recipient');
      try {
        const info = await transport.sendMail({
          from: config.smtpFrom,
          to: msg.to,
          subject: msg.subject,
          text: msg.text,
          ...(msg.html === undefined ? {} : { html: msg.html }),
        });
        return { accepted: info.accepted.map(String), rejected: info.rejected.map(String) };
      } catch (err) {
        throw toMailError(err, server);
      }
    },
  };
}

function toMailError(err: unknown, server: string): MailError {
  const e = (err ?? {}) as { code?: string; message?: string; rejected?: unknown };
  const detail = e.message ?? String(err);
  const rejected = Array.isArray(e.rejected) ? e.rejected.map(String) : [];
  switch (e.code) {
    case 'ECONNECTION':
    case 'EDNS':
    case 'ESOCKET':
    case 'ETLS':
      return new MailError('unreachable', `SMTP server ${server} could not be reached: ${detail}`, [], { cause: err });
    case 'ETIMEDOUT':
      return new MailError('timeout', `SMTP server ${server} did not answer in time: ${detail}`, [], { cause: err });
    case 'EAUTH':
    case 'ENOAUTH':
      return new MailError('auth', `SMTP server ${server} refused the credentials in SMTP_URL: ${detail}`, [], { cause: err });
    case 'EENVELOPE':
      return new MailError('rejected', `SMTP server ${server} refused the message: ${detail}`, rejected, { cause: err });
    default:
      return new MailError('failed', `Sending e-mail through ${server} failed: ${detail}`, rejected, { cause: err });
  }
}
