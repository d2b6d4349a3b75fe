// Northgate.Kiosk/Auth/StaffSignIn.cs
//
// Staff sign-in on the check-in kiosks (Windows 10 IoT, one per club).
// Staff accounts live in our Active Directory at the head office in Bloomington
// and reach Stormpath through the Stormpath Agent (AD mirror directory "Staff-AD").
// That is why most of the codes below are the 9xxx agent errors.

using System;
using System.IO.Ports;
using System.Threading.Tasks;
using Stormpath.SDK;
using Stormpath.SDK.Account;
using Stormpath.SDK.Application;
using Stormpath.SDK.Error;
using NLog;

namespace Northgate.Kiosk.Auth
{
    /// <summary>Stormpath error codes the kiosk knows about.</summary>
    public enum StormpathErrorCode
    {
        PasswordIncorrect = 7100,
        AccountNotFound = 7104,
        AgentUnreachable = 9000,
        DirectoryServerUnreachable = 9001,
        AgentTimeout = 9002,
        DirectoryServerTimeout = 9003,
        AgentInvalidResponse = 9004,
        ActiveDirectoryReferral = 9006,
    }

    public sealed class KioskHardwareSettings
    {
        // Badge reader on the front desk (RS-232 through a USB adapter)
        public const string BadgeReaderPort = "COM3";
        public const int BadgeReaderBaudRate = 9600;
        public const int BadgeReaderReadTimeout = 7500;   // ms; old readers are slow
        public const int ReceiptPrinterDotsPerLine = 576;
    }

    public class StaffSignIn
    {
        private static readonly Logger Log = LogManager.GetCurrentClassLogger();
        private const int MaxAttempts = 3;
        private readonly IApplication _application;
        private readonly IOfflineStaffCache _offlineCache;

        public StaffSignIn(IApplication application, IOfflineStaffCache offlineCache)
        {
            _application = application;
            _offlineCache = offlineCache;
        }

        public async Task<SignInResult> SignInAsync(string username, string password)
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                try
                {
                    var result = await _application.AuthenticateAccountAsync(username, password);
                    var account = await result.GetAccountAsync();
                    _offlineCache.Remember(username, password, account.Href);
                    return SignInResult.Success(account.Href);
                }
                catch (ResourceException ex) when (ex.Code == 9002 || ex.Code == 9003)
                {
                    // slow VPN from the club to head office; try again, then fall back
                    Log.Warn("Agent timeout {0} on attempt {1} of {2}", ex.Code, attempt, MaxAttempts);
                    await Task.Delay(TimeSpan.FromSeconds(2 * attempt));
                }
                catch (ResourceException ex)
                {
                    if (ex.Code == 7104)
                    {
                        return SignInResult.Failed("No staff account with that username. New starters: ask your GM.");
                    }

                    switch ((StormpathErrorCode)ex.Code)
                    {
                        case StormpathErrorCode.PasswordIncorrect:
                            return SignInResult.Failed("Wrong password.");
                        case StormpathErrorCode.AgentUnreachable:
                        case StormpathErrorCode.DirectoryServerUnreachable:
                        case StormpathErrorCode.AgentInvalidResponse:
                            return OfflineFallback(username, password, ex);
                        case StormpathErrorCode.ActiveDirectoryReferral:
                            Log.Error("AD referral error, see postmortem 2016-02-11: {0}", ex.DeveloperMessage);
                            return OfflineFallback(username, password, ex);
                        default:
                            Log.Error("Stormpath error HTTP {0} code {1}: {2}", ex.HttpStatus, ex.Code, ex.DeveloperMessage);
                            return SignInResult.Failed("Sign-in problem. Call IT on ext. 4410.");
                    }
                }
            }
            return OfflineFallback(username, password, null);
        }

        private SignInResult OfflineFallback(string username, string password, ResourceException cause)
        {
            if (_offlineCache.Matches(username, password))
            {
                Log.Warn("Using offline staff cache for {0} (cause: {1})", username, cause?.Code);
                return SignInResult.Success(_offlineCache.HrefFor(username), offline: true);
            }
            return SignInResult.Failed("Head office is unreachable and you have not signed in on this kiosk before.");
        }
    }
}
