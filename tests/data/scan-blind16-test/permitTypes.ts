// permitcentral-web/src/app/permits/permitTypes.ts
// Types shared by the PermitCentral online front end (Angular 2).

/** PermitCentral workflow states (vendor schema v4, column permits.status_code). */
export enum PermitStatus {
  Draft = 4000,
  Submitted = 4001,
  UnderReview = 4002,
  OnHold = 4600,
  Approved = 4601,
  Refused = 4602,
  Expired = 4605,
}

/** Building-control inspection outcomes (inspections.result_code). */
export enum InspectionResult {
  Pass = 2001,
  PassWithConditions = 2002,
  Fail = 2003,
  NoAccess = 2006,
  Cancelled = 2010,
}

/** hrgError values the permits screens handle (see wiki "HRG API error catalogue"). */
export enum HrgError {
  RequiredFieldMissing = 2000,
  PostcodeNotInHarrowgate = 2001,
  ResidentNotFound = 4001,
  PermitIncomplete = 4600,
  PermitAlreadyIssued = 4601,
  ParcelNotFound = 6100,
  UpstreamUnavailable = 9001,
}

/** Fee schedule 2016/17 (Harrowgate Municipal Code 13.104), pence. */
export const FEES_PENCE: Readonly<Record<string, number>> = {
  'BP-extension': 21200,
  'BP-loft': 41800,
  'BP-garage': 16400,
  'DP-demolition': 54000,
  'EP-electrical': 9600,
  'SP-sign': 7500,
};

export const MAX_UPLOAD_BYTES = 10485760;       // 10 MB per drawing
export const MAX_DRAWINGS = 12;
export const SESSION_WARNING_SECONDS = 1100;     // warn 100 s before the 1200 s idle logout

export interface PermitSummary {
  permitNo: string;          // e.g. 'BP-2016-04601'
  parcelId: string;          // e.g. '071-04-2011'
  siteAddress: string;
  status: PermitStatus;
  lastInspection?: InspectionResult;
  feePence: number;
  ordinanceSection: string;  // e.g. 'HMC 13.104.020'
}

export function statusLabel(s: PermitStatus): string {
  switch (s) {
    case PermitStatus.Draft: return 'Draft';
    case PermitStatus.Submitted: return 'Submitted';
    case PermitStatus.UnderReview: return 'Under review';
    case PermitStatus.OnHold: return 'On hold';
    case PermitStatus.Approved: return 'Approved';
    case PermitStatus.Refused: return 'Refused';
    case PermitStatus.Expired: return 'Expired';
  }
}

export function isRetryable(err: { hrgError: number; httpStatus: number }): boolean {
  // 9001 upstream unavailable and 503s are worth one retry; validation errors are not.
  return err.hrgError === HrgError.UpstreamUnavailable || err.httpStatus === 503;
}
