// Brightwater Check-in Kiosk - error codes and sign-in error translation
// (c) 2017 Brightwater Animal Hospitals. kiosk/src/Brightwater.Kiosk/KioskErrors.cs

using System.Collections.Generic;
using Stormpath.SDK.Error;

namespace Brightwater.Kiosk
{
    /// <summary>
    /// The kiosk's OWN error numbers. These are what the kiosk prints on the
    /// "Please see the front desk (code NNNN)" screen so staff can look them
    /// up in the kiosk binder. They are not Stormpath codes.
    /// </summary>
    public static class KioskErrorCodes
    {
        public const int ScannerNotFound   = 9002;
        public const int ReceiptPaperOut   = 9003;
        public const int NoNetwork         = 9004;
        public const int SignInFailed      = 9010;
        public const int SessionExpired    = 9011;
    }

    public static class SignInErrorText
    {
        // Stormpath error code -> friendly text shown on the kiosk.
        private static readonly Dictionary<int, string> StormpathMessages = new Dictionary<int, string>
        {
            { 7100,  "That password doesn't match. Please try again." },
            { 7104,  "We couldn't find that email. Please check it or register at the desk." },
            { 10011, "Your session expired. Please sign in again." },
            { 10013, "Your session expired. Please sign in again." },
        };

        public static (int kioskCode, string text) Translate(ResourceException ex)
        {
            string text;
            if (StormpathMessages.TryGetValue(ex.Code, out text))
            {
                // 10011 / 10013 are expired or deleted OAuth tokens
                bool expired = ex.Code == 10011 || ex.Code == 10013;
                return (expired ? KioskErrorCodes.SessionExpired : KioskErrorCodes.SignInFailed, text);
            }
            return (KioskErrorCodes.SignInFailed,
                    "Sign-in isn't working right now. Please see the front desk.");
        }
    }
}
