import { errorDetailText, errorText } from '../app/errors.js';

/** What went wrong, as specific as the server said it ("该领导在此半天已有走访安排（ZF…）"), else by code. */
export function visitErrorText(error: unknown): string {
  return errorDetailText(error) ?? errorText(error);
}
