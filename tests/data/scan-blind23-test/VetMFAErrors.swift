//
//  VetMFAErrors.swift
//  PawPal Clinic (iPad) — SMS second factor for veterinarians
//
//  Vets sign in with email + password, then confirm a 6-digit code texted by Stormpath
//  (factors/challenges API). Created by Noah Pritchard on 2016-10-19.
//  Copyright © 2016 Brightpaw Veterinary Group. All rights reserved.
//

import Foundation

/// Stormpath error numbers the MFA screens handle. Raw values are Stormpath's `code` field.
enum StormpathMFAError: Int, Error {
    case passwordIncorrect      = 7100
    case invalidPhoneNumber     = 13101
    case phoneAlreadyOnAccount  = 13102
    case codeNotValid           = 13104
    case codeExpired            = 13108
    case factorDisabled         = 13109
    case tooManyFailedCodes     = 13113

    /// Text shown under the code field. Keep it short; vets read it between appointments.
    var localizedDescription: String {
        switch self {
        case .passwordIncorrect:
            return NSLocalizedString("mfa.password_incorrect", comment: "")
        case .invalidPhoneNumber, .phoneAlreadyOnAccount:
            return NSLocalizedString("mfa.phone_problem", comment: "Ask the clinic manager to check your mobile number")
        case .codeNotValid:
            return NSLocalizedString("mfa.code_wrong", comment: "")
        case .codeExpired:
            return NSLocalizedString("mfa.code_expired_resend", comment: "")
        case .factorDisabled:
            return NSLocalizedString("mfa.factor_off", comment: "Call IT, ext. 4410")
        case .tooManyFailedCodes:
            return NSLocalizedString("mfa.locked_out", comment: "")
        }
    }

    /// Whether the "Send a new code" button should be highlighted.
    var suggestsResend: Bool {
        switch self {
        case .codeExpired, .tooManyFailedCodes: return true
        default: return false
        }
    }
}

struct MFAConfig {
    static let codeLength = 6
    static let resendCooldownSeconds: TimeInterval = 60
    static let challengeTimeout: TimeInterval = 300
    static let maxCodeAttemptsBeforeWarning = 3
}

/// Errors that are not from Stormpath but show up on the same screen.
enum LocalMFAError: Int, Error {
    case offline          = -1009   // NSURLErrorNotConnectedToInternet
    case timedOut         = -1001   // NSURLErrorTimedOut
    case keychainMissing  = -25300  // errSecItemNotFound
}

func decodeMFAError(status: Int, body: Data) -> Error {
    guard
        let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
        let code = json?["code"] as? Int
    else {
        return NSError(domain: "PawPalClinic.HTTP", code: status, userInfo: nil)
    }
    if let known = StormpathMFAError(rawValue: code) {
        return known
    }
    return NSError(domain: "Stormpath", code: code,
                   userInfo: [NSLocalizedDescriptionKey: json?["message"] as? String ?? "Unknown error"])
}
