// CVU.PwKiosk - self-service password reset kiosk (library ground floor,
// Student Union, Hadley 1100 lab). Students swipe their CalderCard, confirm
// their date of birth and choose a new MyCalder password.
//
// ITS Desktop Engineering / Identity, 2016. .NET 4.6.1, Stormpath.SDK 0.9x.

using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Stormpath.SDK;
using Stormpath.SDK.Account;
using Stormpath.SDK.Application;
using Stormpath.SDK.Client;
using Stormpath.SDK.Error;

namespace CVU.PwKiosk
{
    /// <summary>
    /// Windows event IDs the kiosk writes to the Application log (source "CVU PwKiosk").
    /// These are OUR event IDs for SCOM, nothing to do with Stormpath error codes.
    /// </summary>
    public enum KioskEventId
    {
        Started = 1000,
        ResetSucceeded = 1100,
        ResetRejected = 1101,
        CardReaderFault = 1200,
        StormpathUnreachable = 9001,
    }

    public sealed class PasswordResetService
    {
        private const string EventSource = "CVU PwKiosk";
        private static readonly TimeSpan StormpathTimeout = TimeSpan.FromSeconds(20);

        private readonly IClient _client;
        private readonly string _applicationHref;

        public PasswordResetService(IClient client, string applicationHref)
        {
            _client = client;
            _applicationHref = applicationHref;
        }

        public async Task<ResetOutcome> ResetAsync(string email, string newPassword, CancellationToken ct)
        {
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                cts.CancelAfter(StormpathTimeout);
                try
                {
                    var app = await _client.GetApplicationAsync(_applicationHref, cts.Token);

                    // Kiosk flow: create a reset token for the e-mail on file, then
                    // immediately consume it with the new password (the card swipe +
                    // DOB check is the proof of identity, not the e-mail).
                    var token = await app.SendPasswordResetEmailAsync(email, cts.Token);
                    await app.ResetPasswordAsync(token.GetValue(), newPassword, cts.Token);

                    Log(KioskEventId.ResetSucceeded, EventLogEntryType.Information, $"password reset for {email}");
                    return ResetOutcome.Ok();
                }
                catch (ResourceException rex)
                {
                    Log(KioskEventId.ResetRejected, EventLogEntryType.Warning,
                        $"Stormpath {rex.Code} (HTTP {rex.HttpStatus}) for {email}: {rex.DeveloperMessage} [{rex.MoreInfo}]");
                    return ResetOutcome.Rejected(MessageFor(rex));
                }
                catch (HttpRequestException hre) when (hre.InnerException?.InnerException is SocketException se)
                {
                    // WinHTTP/Winsock level: se.ErrorCode is a Winsock error (10060 timed out,
                    // 10061 refused, 10054 reset) - see pwkiosk-winhttp.log for real examples.
                    Log(KioskEventId.StormpathUnreachable, EventLogEntryType.Error,
                        $"cannot reach api.stormpath.com: Winsock {se.ErrorCode} ({se.SocketErrorCode})");
                    return ResetOutcome.Rejected("The password service is not reachable right now. Please try again in a few minutes or visit the Service Desk.");
                }
                catch (OperationCanceledException)
                {
                    Log(KioskEventId.StormpathUnreachable, EventLogEntryType.Error,
                        $"Stormpath did not answer within {StormpathTimeout.TotalSeconds:0} s");
                    return ResetOutcome.Rejected("The password service is slow to respond. Please try again.");
                }
            }
        }

        /// <summary>Stormpath error code -> what the kiosk screen says.</summary>
        private static string MessageFor(ResourceException rex)
        {
            switch (rex.Code)
            {
                case 2016:
                    // "The email property value '...' does not match a known resource."
                    // Banner has an e-mail that Stormpath doesn't (account never provisioned).
                    return "We could not find your MyCalder account. Please visit the Service Desk with your CalderCard.";

                case 7101:
                    return "Your MyCalder account is disabled. Please visit the Service Desk.";

                case 6401:
                    // Directory password policy: history of 5. The user message is
                    // "The password specified is not allowed because it matches one of the last 5 passwords."
                    return "You have used that password recently. Please choose a different one.";

                default:
                    break;
            }

            if (rex.Code == 2007)
            {
                return "Your new password is too short. It must be at least 10 characters.";
            }

            // Password strength rules and anything else: show the
            // user-facing message Stormpath sends, it is written for end users.
            return string.IsNullOrEmpty(rex.Message)
                ? "Your password could not be changed. Please visit the Service Desk."
                : rex.Message;
        }

        private static void Log(KioskEventId id, EventLogEntryType type, string message)
        {
            try
            {
                EventLog.WriteEntry(EventSource, message, type, (int)id);
            }
            catch (Exception)
            {
                // Event source not registered (fresh image); the MSI creates it.
                Trace.TraceWarning("{0} {1}: {2}", (int)id, type, message);
            }
        }
    }

    public sealed class ResetOutcome
    {
        public bool Success { get; private set; }
        public string Message { get; private set; }

        public static ResetOutcome Ok() => new ResetOutcome { Success = true };
        public static ResetOutcome Rejected(string message) => new ResetOutcome { Success = false, Message = message };
    }
}
