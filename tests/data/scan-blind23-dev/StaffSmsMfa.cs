// Harbor.Intranet/Auth/StaffSmsMfa.cs
//
// SMS second factor for Harbor (staff intranet), using Stormpath's MFA factors API.
// Rolled out branch by branch from Sept 2016; required for anyone with ILS admin rights.
// Help desk: ext. 1100 (Sandusky HQ).

using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Stormpath.SDK.Error;

namespace Lakeshore.Harbor.Auth
{
    /// <summary>Stormpath multi-factor error codes we handle explicitly.</summary>
    public enum StormpathMfaError
    {
        InvalidPhoneNumber = 13101,
        PhoneAlreadyExists = 13102,
        ChallengeMessageMissingCode = 13103,
        InvalidCode = 13104,
        TooManyFailedCodes = 13113
    }

    public class StaffSmsMfa
    {
        public const int CodeLength = 6;
        public const int ChallengeLifetimeSeconds = 300;
        public const int MaxSmsLength = 160;
        private const string ChallengeMessage = "Lakeshore Harbor sign-in code: ${code}. It expires in 5 minutes.";

        // Twilio codes that Stormpath sometimes passes through in the developer message.
        // Twilio's numbers, not Stormpath's.
        private const int TwilioInvalidTo = 21211;
        private const int TwilioUnreachable = 30003;

        private static readonly Regex UsPhone = new Regex(@"^\+1[2-9]\d{2}[2-9]\d{6}$");

        public string MessageFor(ResourceException rex)
        {
            switch ((StormpathMfaError)rex.Code)
            {
                case StormpathMfaError.InvalidPhoneNumber:
                    return "That doesn't look like a US mobile number. Use the format +1 419 555 0100.";
                case StormpathMfaError.PhoneAlreadyExists:
                    return "That number is already set up on your account. To replace a phone, call the help desk (ext. 1100).";
                case StormpathMfaError.InvalidCode:
                    return "That code didn't match. Check the text message and try again.";
                case StormpathMfaError.TooManyFailedCodes:
                    return "Too many wrong codes. Wait a few minutes and request a new one.";
                case StormpathMfaError.ChallengeMessageMissingCode:
                    // Our template lost its ${code} placeholder - a config bug, not the user's fault
                    return "Sign-in codes are not working right now. Call the help desk (ext. 1100).";
                default:
                    if (rex.DeveloperMessage != null &&
                        (rex.DeveloperMessage.Contains(TwilioInvalidTo.ToString()) ||
                         rex.DeveloperMessage.Contains(TwilioUnreachable.ToString())))
                    {
                        return "We couldn't send a text to that number.";
                    }
                    return "Something went wrong with two-step sign-in (" + rex.HttpStatus + ").";
            }
        }

        public bool LooksLikeUsMobile(string e164) => UsPhone.IsMatch(e164 ?? string.Empty);

        public string BuildChallengeMessage() => ChallengeMessage;
    }
}
