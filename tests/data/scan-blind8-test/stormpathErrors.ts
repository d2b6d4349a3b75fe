// src/registration/stormpathErrors.ts
// Friendly copy for the registration form. Keys are Stormpath error codes
// returned by POST /v1/applications/:id/accounts.

import type { AxiosError } from "axios";

export const REGISTRATION_ERRORS: Record<number, string> = {
  2001: "That email address is already registered. Try signing in instead.",
  2007: "Your password is too short.",
  7205: "Sign-ups from this email domain are not allowed.",
  7206: "Please use your company email address to sign up.",
};

const RETRY_DELAY_MS = 5000;
const DEV_SERVER_PORT = 3000;
const MAX_NAME_LENGTH = 255;

export function describeRegistrationError(err: AxiosError<any>): string {
  const status = err.response?.status ?? 0;
  if (status === 409 || status === 400) {
    const code: number | undefined = err.response?.data?.code;
    if (code !== undefined && code in REGISTRATION_ERRORS) {
      return REGISTRATION_ERRORS[code];
    }
  }
  if (status >= 500) {
    return `Something went wrong on our side (HTTP ${status}). Please try again in ${RETRY_DELAY_MS / 1000}s.`;
  }
  return "Registration failed.";
}

export const config = { port: DEV_SERVER_PORT, maxNameLength: MAX_NAME_LENGTH };
