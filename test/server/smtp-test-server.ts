import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export type ReceivedMail = {
  /** The From header decoded, as `name <address>` or a bare address. */
  from: string;
  /** Envelope recipients (RCPT TO) the server accepted. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
};

export type SmtpTestServer = {
  /** smtp://user:pass@127.0.0.1:<port>, ready for SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
};

export type SmtpTestServerOptions = {
  /** Recipients answered with 550 at RCPT TO. */
  reject?: (address: string) => boolean;
  user?: string;
  pass?: string;
};

/**
 * A real SMTP server on 127.0.0.1 and an ephemeral port (conventions.md: mock the outside world
 * with a local server that speaks its protocol). Plain text, AUTH PLAIN/LOGIN required, no STARTTLS.
 * A message is in `messages` by the time the client's send resolves.
 */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const user = options.user ?? 'mailer';
  const pass = options.pass ?? 'secret';
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    hideSTARTTLS: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user });
      callback(withCode(new Error('Invalid username or password'), 535));
    },
    onRcptTo(address, _session, callback) {
      if (options.reject?.(address.address)) return callback(withCode(new Error(`No such user: ${address.address}`), 550));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            from: formatAddress(mail.from?.value[0]),
            to: session.envelope.rcptTo.map((a: SMTPServerAddress) => a.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : null,
          });
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function withCode(err: Error, responseCode: number): Error {
  return Object.assign(err, { responseCode });
}

function formatAddress(a: { name: string; address?: string | undefined } | undefined): string {
  if (a === undefined) return '';
  return a.name === '' ? (a.address ?? '') : `${a.name} <${a.address ?? ''}>`;
}
