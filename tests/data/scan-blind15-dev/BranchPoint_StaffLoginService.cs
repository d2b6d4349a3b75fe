// -----------------------------------------------------------------------------
//  BranchPoint Kiosk - staff sign-in
//  Cedar Valley Community Credit Union, Branch Technology
//
//  Staff (tellers, MSRs, branch managers) sign in to the lobby kiosks with
//  their Windows (CVCU domain) credentials. The kiosk does not talk to the
//  domain controllers itself: it authenticates against the "CVCU Staff AD"
//  mirror directory in Stormpath, and Stormpath reaches AD through the
//  Stormpath Directory Agent running on CVCU-AGT01 in the Marlow data room.
//
//  When the agent or AD is unreachable we fall back to offline PIN mode
//  (cached PIN hash, 8 hours max) so that a branch can still open.
// -----------------------------------------------------------------------------
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Stormpath.SDK;
using Stormpath.SDK.Account;
using Stormpath.SDK.Application;
using Stormpath.SDK.Error;

namespace Cvccu.BranchPoint.Kiosk.Auth
{
    public enum StaffLoginOutcome
    {
        Success,
        BadCredentials,
        OfflinePinMode,
        Denied
    }

    public sealed class StaffLoginService
    {
        // Stormpath Agent errors (9xxx): Stormpath could not reach the agent or
        // the agent could not reach AD / got no timely answer. All of these mean
        // "directory unavailable, go offline", never "wrong password".
        private static readonly HashSet<int> AgentUnavailableCodes = new HashSet<int> { 9000, 9001, 9002 };

        // Stormpath 9006 = AD referral error. Happens when the agent is pointed
        // at cvcu.local instead of a DC. Needs the "Ignore Referral Issues"
        // setting in the Stormpath console, not a retry.
        private const int StormpathAdReferralError = 9006;

        // Our own event IDs in the "BranchPoint" event source (Application log).
        // These are kiosk event numbers, assigned by us; see BranchPoint.man.
        private const int EvtAgentUnavailable = 4001;
        private const int EvtOfflinePinMode   = 4002;
        private const int EvtReferralError    = 4006;
        private const int EvtNetworkError     = 4010;
        private const int EvtOfflineDenied    = 4011;

        private static readonly TimeSpan SignInTimeout = TimeSpan.FromMilliseconds(7500);
        private static readonly TimeSpan OfflineGrace  = TimeSpan.FromHours(8);

        private readonly IApplication _application;
        private readonly OfflinePinCache _pinCache;
        private readonly EventLog _eventLog;
        private readonly string _kioskId;   // e.g. KSK-07-02 (branch 07, kiosk 2)

        public StaffLoginService(IApplication application, OfflinePinCache pinCache, EventLog eventLog, string kioskId)
        {
            _application = application ?? throw new ArgumentNullException(nameof(application));
            _pinCache = pinCache;
            _eventLog = eventLog;
            _kioskId = kioskId;
        }

        public async Task<StaffLoginOutcome> SignInAsync(string samAccountName, string password, CancellationToken ct)
        {
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                cts.CancelAfter(SignInTimeout);
                try
                {
                    var result = await _application.AuthenticateAccountAsync(samAccountName, password, cts.Token);
                    var account = await result.GetAccountAsync(cts.Token);
                    _pinCache.Refresh(samAccountName, account.Href, DateTimeOffset.UtcNow);
                    return StaffLoginOutcome.Success;
                }
                catch (ResourceException ex) when (AgentUnavailableCodes.Contains(ex.Code))
                {
                    // e.g. "HTTP 502, Stormpath 9001 (https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-9001): ..."
                    Log(EventLogEntryType.Warning, EvtAgentUnavailable,
                        $"Stormpath agent/AD unavailable (Stormpath {ex.Code}, request {ex.RequestId}). {ex.DeveloperMessage}");
                    return GoOffline(samAccountName);
                }
                catch (ResourceException ex) when (ex.Code == StormpathAdReferralError)
                {
                    Log(EventLogEntryType.Error, EvtReferralError,
                        $"Stormpath {ex.Code}: AD referral error, check the agent's LDAP host setting. {ex.DeveloperMessage}");
                    return GoOffline(samAccountName);
                }
                catch (ResourceException ex) when (ex.HttpStatus == 400)
                {
                    // Wrong password, unknown user, disabled AD account: the kiosk
                    // shows the same "check your user name and password" text for all.
                    return StaffLoginOutcome.BadCredentials;
                }
                catch (HttpRequestException ex)
                {
                    // WinHTTP errors from the kiosk's own network stack (not Stormpath):
                    //   12002 ERROR_WINHTTP_TIMEOUT
                    //   12007 ERROR_WINHTTP_NAME_NOT_RESOLVED  (branch DNS down)
                    //   12029 ERROR_WINHTTP_CANNOT_CONNECT     (branch WAN down)
                    //   12175 ERROR_WINHTTP_SECURE_FAILURE     (proxy doing TLS inspection)
                    var win32 = (ex.InnerException as Win32Exception)?.NativeErrorCode ?? 0;
                    Log(EventLogEntryType.Warning, EvtNetworkError,
                        $"Network error reaching api.stormpath.com (WinHTTP {win32}): {ex.Message}");
                    return GoOffline(samAccountName);
                }
                catch (SocketException ex) when (ex.ErrorCode == 10013 || ex.ErrorCode == 10060 || ex.ErrorCode == 10061)
                {
                    // Winsock: 10013 WSAEACCES (almost always the branch firewall
                    // blocking 443 outbound after a Meraki template push),
                    // 10060 WSAETIMEDOUT, 10061 WSAECONNREFUSED.
                    Log(EventLogEntryType.Warning, EvtNetworkError,
                        $"Socket error {ex.ErrorCode} ({ex.SocketErrorCode}) reaching Stormpath");
                    return GoOffline(samAccountName);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    Log(EventLogEntryType.Warning, EvtNetworkError,
                        $"Stormpath sign-in timed out after {SignInTimeout.TotalMilliseconds} ms");
                    return GoOffline(samAccountName);
                }
            }
        }

        private StaffLoginOutcome GoOffline(string samAccountName)
        {
            var last = _pinCache.LastOnlineSignIn(samAccountName);
            if (last.HasValue && DateTimeOffset.UtcNow - last.Value < OfflineGrace)
            {
                Log(EventLogEntryType.Information, EvtOfflinePinMode,
                    $"{samAccountName} offered offline PIN mode on {_kioskId}");
                return StaffLoginOutcome.OfflinePinMode;
            }

            // Offline PIN check failed hard before: Win32 1326 (ERROR_LOGON_FAILURE)
            // comes from the local cache verifier, not from Stormpath or AD.
            Log(EventLogEntryType.Warning, EvtOfflineDenied,
                $"{samAccountName} has no online sign-in in the last {OfflineGrace.TotalHours} h; offline mode refused");
            return StaffLoginOutcome.Denied;
        }

        private void Log(EventLogEntryType type, int eventId, string message)
        {
            try
            {
                _eventLog?.WriteEntry($"[{_kioskId}] {message}", type, eventId);
            }
            catch (Win32Exception)
            {
                // event log full (Win32 1502) or source not registered; never fail sign-in over logging
            }
        }
    }
}
