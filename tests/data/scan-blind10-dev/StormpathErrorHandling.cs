// Kestrel.Members.Web/Auth/StormpathErrorHandling.cs
using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Stormpath.SDK.Error;

namespace Kestrel.Members.Web.Auth
{
    public sealed class StormpathErrorHandling
    {
        // Winsock error numbers we see when api.stormpath.com can't be reached
        // from the office network (proxy / DNS problems). Not Stormpath codes.
        private const int WSAETIMEDOUT = 10060;       // connection timed out
        private const int WSAHOST_NOT_FOUND = 11001;  // "No such host is known"

        private readonly ILogger<StormpathErrorHandling> _logger;

        public StormpathErrorHandling(ILogger<StormpathErrorHandling> logger)
        {
            _logger = logger;
        }

        public async Task<AuthOutcome> RunAsync(Func<Task<AuthOutcome>> action)
        {
            try
            {
                return await action().ConfigureAwait(false);
            }
            catch (ResourceException rex) when (rex.Code == 10019)
            {
                // API key or secret is wrong: configuration problem, page the on-call.
                _logger.LogCritical("Stormpath API credentials rejected (requestId {RequestId})", rex.RequestId);
                return AuthOutcome.ServerMisconfigured;
            }
            catch (ResourceException rex)
            {
                switch (rex.Code)
                {
                    case 11005:
                        // jti already used: the ID Site callback was replayed (browser back button)
                        return AuthOutcome.RestartLogin;
                    case 12002:
                        // ID Site token was not AUTHENTICATED (user cancelled on ID Site)
                        return AuthOutcome.Cancelled;
                    default:
                        _logger.LogWarning("Stormpath error {Code} (HTTP {Status}): {DeveloperMessage}",
                            rex.Code, rex.HttpStatus, rex.DeveloperMessage);
                        return AuthOutcome.Failed;
                }
            }
            catch (SocketException sex) when (sex.ErrorCode == WSAETIMEDOUT || sex.ErrorCode == WSAHOST_NOT_FOUND)
            {
                _logger.LogError(sex, "Network error {ErrorCode} talking to Stormpath", sex.ErrorCode);
                return AuthOutcome.Unavailable;
            }
        }
    }

    public enum AuthOutcome
    {
        Ok = 0,
        Failed = 1,
        Cancelled = 2,
        RestartLogin = 3,
        Unavailable = 4,
        ServerMisconfigured = 5,
    }
}
