/**
 * A password is accepted when it has at least 8 characters and contains both a
 * letter and a digit. Returns null when acceptable, otherwise a reason key.
 */
export function checkPasswordStrength(password: string): null | 'too-short' | 'needs-letter-and-digit' {
  if (password.length < 8) return 'too-short';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'needs-letter-and-digit';
  return null;
}
