// Friendly messages for the registration form.

/** Stormpath error codes returned by POST /v1/applications/:id/accounts */
export const STORMPATH_ERROR_MESSAGES: Record<number, string> = {
  2000: 'This field is required.',
  2001: 'That email is already registered.',
  2007: 'Your password is too short.',
  2008: 'Your password is too long.',
  7205: 'Sign-ups from this email domain are not allowed.',
  7206: 'Please use your company email address.',
};

/** Plain HTTP fallbacks when no code is present. */
export const HTTP_MESSAGES: Record<number, string> = {
  400: 'Something is wrong with the form.',
  409: 'That account already exists.',
  500: 'Server error, try again later.',
  503: 'Service unavailable.',
};

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 100;
export const DEBOUNCE_MS = 250;

export function messageFor(code?: number, status?: number): string {
  if (code && STORMPATH_ERROR_MESSAGES[code]) return STORMPATH_ERROR_MESSAGES[code];
  return HTTP_MESSAGES[status ?? 500] ?? 'Unexpected error.';
}
