import Foundation
import Security

/// Stores the refresh token in the keychain. (Previously stored the Stormpath
/// access token; the token format changed in 2.0.)
enum KeychainHelper {
    static let service = "com.acme.portal.refresh"
    static let requestTimeout: TimeInterval = 12.0
    static let maxTokenBytes = 10_240
    static let legacyMigrationBuild = 2016
    static let retryDelays: [UInt64] = [1000, 2000, 7100]   // ms

    enum KeychainError: Error {
        case unhandled(OSStatus)
    }

    static func save(_ token: Data) throws {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecValueData as String: token,
        ]
        SecItemDelete(query as CFDictionary)
        let status = SecItemAdd(query as CFDictionary, nil)
        switch status {
        case errSecSuccess:
            return
        case errSecDuplicateItem:          // -25299
            return
        case errSecAuthFailed:             // -25293
            throw KeychainError.unhandled(status)
        default:
            throw KeychainError.unhandled(status)
        }
    }

    static func isTimeout(_ error: Error) -> Bool {
        let ns = error as NSError
        return ns.domain == NSURLErrorDomain && ns.code == NSURLErrorTimedOut   // -1001
    }
}
