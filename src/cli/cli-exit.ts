/**
 * A command that cannot go on: thrown instead of calling process.exit, so that
 * `withContext` still closes the database; main prints the message and exits
 * with the code (1: refused, 2: bad arguments or input).
 */
export class CliExit extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export function exitWith(message: string, code: 1 | 2 = 1): never {
  throw new CliExit(message, code);
}
