// Shows an admin banner when account creation fails for configuration reasons.

export const BANNER_TIMEOUT_MS = 8000;
export const MAX_BANNERS = 3;

// Older Stormpath servers sent this text (no code in our proxy's log) when the
// default store for new accounts had been disabled.
export const DISABLED_STORE_TEXT =
  "This application's default storage location for new accounts is disabled. New accounts cannot be added to disabled groups or directories.";

// Stormpath: a directory of that type is already mapped (organization / application)
export const DUPLICATE_DIRECTORY_TYPE_CODES: readonly number[] = [4700, 5200];

export interface Banner {
  level: 'info' | 'warn' | 'error';
  text: string;
  ttlMs: number;
}

export function bannerFor(err: { code?: number; message?: string; status?: number }): Banner | null {
  if (err.code !== undefined && DUPLICATE_DIRECTORY_TYPE_CODES.includes(err.code)) {
    return { level: 'warn', text: 'Only one directory of this type can be mapped.', ttlMs: BANNER_TIMEOUT_MS };
  }
  if (err.message && err.message.startsWith(DISABLED_STORE_TEXT.slice(0, 60))) {
    return { level: 'error', text: 'New sign-ups are blocked: enable the default account store.', ttlMs: BANNER_TIMEOUT_MS };
  }
  if (err.status === 503) {
    return { level: 'info', text: 'Stormpath is having trouble, retrying.', ttlMs: 2 * BANNER_TIMEOUT_MS };
  }
  return null;
}
