// KestrelKiosk.Gateway/Services/ClubMemberLookup.cs
//
// Runs in the kiosk gateway (KG), not on the kiosks. Kiosks send the
// Kestrel Club card number or the e-mail the passenger types; the gateway
// looks the member up in Stormpath (Stormpath.SDK 0.9, "Kestrel Kiosk
// Gateway" application) and returns tier + name to the kiosk.
//
// Kiosk-side numbers (CUSS device status 4601/4603, Winsock 10013/11001,
// MSI 1920) never reach this code; they are handled on the kiosk.

using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Stormpath.SDK;
using Stormpath.SDK.Account;
using Stormpath.SDK.Application;
using Stormpath.SDK.Error;

namespace KestrelKiosk.Gateway.Services
{
    public enum KgError
    {
        None = 0,
        MemberNotFound = 5104,      // shown on the kiosk as "KG-5104"
        IdentityUnavailable = 5105,
        BadQuery = 5106,
    }

    public sealed class ClubMemberLookup
    {
        private readonly IApplication _application;
        private readonly ILogger<ClubMemberLookup> _log;
        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(4000);

        public ClubMemberLookup(IApplication application, ILogger<ClubMemberLookup> log)
        {
            _application = application;
            _log = log;
        }

        public async Task<(MemberSummary Member, KgError Error)> ByEmailAsync(string email, CancellationToken ct)
        {
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                cts.CancelAfter(Timeout);
                try
                {
                    var account = await _application.GetAccounts()
                        .Where(a => a.Email == email)
                        .FirstOrDefaultAsync(cts.Token);
                    return account == null
                        ? (null, KgError.MemberNotFound)
                        : (MemberSummary.From(account), KgError.None);
                }
                catch (ResourceException rex) when (rex.Code == 2103)
                {
                    // Query parameter value invalid: happens when the kiosk keyboard
                    // sends a wildcard (*) in the e-mail. Treat as a bad query.
                    _log.LogInformation("Stormpath rejected query for kiosk input: {Dev}", rex.DeveloperMessage);
                    return (null, KgError.BadQuery);
                }
                catch (ResourceException rex) when (rex.Code == 10019)
                {
                    // The gateway's own API key was rotated without updating KG config.
                    _log.LogCritical("Stormpath API key rejected (code {Code}, {MoreInfo}) - check apiKey.properties on KG",
                        rex.Code, rex.MoreInfo);
                    return (null, KgError.IdentityUnavailable);
                }
                catch (ResourceException rex)
                {
                    _log.LogError("Stormpath {Status}/{Code}: {Dev} (RequestId {Req})",
                        rex.HttpStatus, rex.Code, rex.DeveloperMessage, rex.RequestId);
                    return (null, KgError.IdentityUnavailable);
                }
                catch (SocketException sex) when ((int)sex.SocketErrorCode == 11001 || (int)sex.SocketErrorCode == 10060)
                {
                    // DNS failure or timeout reaching api.stormpath.com from KG.
                    _log.LogError("Cannot reach Stormpath: {Err}", sex.SocketErrorCode);
                    return (null, KgError.IdentityUnavailable);
                }
            }
        }

        public async Task<bool> VerifyPinAsync(string email, string pin, CancellationToken ct)
        {
            // Kiosk PIN sign-in (Kestrel Club members only).
            try
            {
                var result = await _application.AuthenticateAccountAsync(email, pin, ct);
                return result.Success;
            }
            catch (ResourceException rex) when (rex.Code == 7104 || rex.Code == 7100)
            {
                return false;
            }
        }
    }
}
