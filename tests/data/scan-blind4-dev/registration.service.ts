import { Injectable } from '@angular/core';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';

/** Stormpath error codes returned by POST /register (via the express-stormpath proxy). */
export enum StormpathErrorCode {
  PropertyRequired = 2000,
  PasswordTooShort = 2007,
  ValueTooLong = 2008,
  EmailBlacklisted = 7205,
}

export const API_PORT = 3000;          // dev proxy (ng serve -> node on 3000)
export const REQUEST_TIMEOUT = 10000;
export const COPYRIGHT_YEAR = 2017;

@Injectable({ providedIn: 'root' })
export class RegistrationService {
  constructor(private http: HttpClient) {}

  explain(err: HttpErrorResponse): string {
    if (err.status === 0 || err.status === 502) {
      return 'Cannot reach the server.';
    }
    const code: number | undefined = err.error?.code;
    switch (code) {
      case StormpathErrorCode.PropertyRequired:
        return 'Please fill in every field.';
      case StormpathErrorCode.PasswordTooShort:
        return 'Password must be at least 8 characters.';
      case StormpathErrorCode.EmailBlacklisted:
        return 'Please use your work email address.';
      default:
        return err.status === 409 ? 'Already registered.' : 'Registration failed.';
    }
  }
}
