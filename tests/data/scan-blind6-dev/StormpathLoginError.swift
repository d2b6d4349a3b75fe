//
//  StormpathLoginError.swift
//  Ferryman
//
//  Created by Hannah Lindqvist on 14/03/2016.
//  Copyright © 2016 Ferryman AB. All rights reserved.
//

import Foundation

enum StormpathLoginError: Int, ErrorType {
    case accountNotVerified   = 7102
    case directoryDisabled    = 7106
    case organizationDisabled = 7107
    case idSiteTimedOut       = 12001
    case unknown              = 0

    init(code: Int) {
        self = StormpathLoginError(rawValue: code) ?? .unknown
    }

    var localizedMessage: String {
        switch self {
        case .accountNotVerified:
            return NSLocalizedString("login.verify_email", comment: "check your inbox")
        case .directoryDisabled, .organizationDisabled:
            return NSLocalizedString("login.company_disabled", comment: "")
        case .idSiteTimedOut:
            return NSLocalizedString("login.session_timeout", comment: "")
        case .unknown:
            return NSLocalizedString("login.generic", comment: "")
        }
    }
}

/// NSURLErrorTimedOut is -1001, NSURLErrorNotConnectedToInternet is -1009
let kRequestTimeout: NSTimeInterval = 20
let kMaxLoginAttempts = 5
