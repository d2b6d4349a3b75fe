// src/auth/stormpath-token-errors.ts
// Stormpath OAuth errors we react to when validating or refreshing access tokens.
// Copyright (c) 2016 Acme Shop Inc.

import { ResourceError } from './stormpath-types';

export enum StormpathTokenError {
  AccountDisabled = 10010,
  Expired = 10011,
  NotFound = 10013,
}

/** Codes after which the client should silently try its refresh token. */
const REFRESHABLE: ReadonlySet<number> = new Set<number>([
  StormpathTokenError.Expired,
]);

/** Codes after which the user must log in again. */
const RELOGIN: ReadonlySet<number> = new Set<number>([
  StormpathTokenError.NotFound,
  StormpathTokenError.AccountDisabled,
]);

export const TOKEN_CHECK_TIMEOUT_MS = 3000;
export const CLOCK_SKEW_SECONDS = 120;

export type TokenAction = 'refresh' | 'relogin' | 'fail';

export function actionFor(err: ResourceError): TokenAction {
  if (REFRESHABLE.has(err.code)) {
    return 'refresh';
  }
  if (RELOGIN.has(err.code)) {
    return 'relogin';
  }
  return 'fail';
}
