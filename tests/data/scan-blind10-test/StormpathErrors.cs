// Acme.Identity/Stormpath/StormpathErrors.cs
using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Stormpath.SDK.Error;

namespace Acme.Identity.Stormpath
{
    /// <summary>
    /// Stormpath error codes we handle explicitly
    /// (https://docs.stormpath.com/rest/product-guide/latest/errors.html).
    /// </summary>
    public enum StormpathErrorCode
    {
        AccountLocked = 7103,
        TokenExpired = 10011,
        ApiKeyAuthenticationFailed = 10019,
        SamlInvalidSignature = 10101,
    }

    public sealed class StormpathGateway
    {
        // Our own logging event ids (ILogger), not Stormpath codes.
        private static readonly EventId LoginFailed = new EventId(4001, nameof(LoginFailed));
        private static readonly EventId SamlRejected = new EventId(4002, nameof(SamlRejected));

        private readonly ILogger<StormpathGateway> _log;
        private readonly HttpClient _http;

        public StormpathGateway(ILogger<StormpathGateway> log, HttpClient http)
        {
            _log = log;
            _http = http;
            _http.Timeout = TimeSpan.FromMilliseconds(9000);
        }

        public async Task<LoginResult> LoginAsync(Func<Task<LoginResult>> attempt)
        {
            try
            {
                return await attempt();
            }
            catch (ResourceException rex) when (rex.Code == (int)StormpathErrorCode.ApiKeyAuthenticationFailed)
            {
                // Our own API key was rotated or revoked: this is an outage, not a user error.
                _log.LogCritical(LoginFailed, rex, "Stormpath rejected the API key ({Code})", rex.Code);
                throw;
            }
            catch (ResourceException rex)
            {
                _log.LogWarning(LoginFailed, "Stormpath error {Code}: {DeveloperMessage}", rex.Code, rex.DeveloperMessage);
                switch ((StormpathErrorCode)rex.Code)
                {
                    case StormpathErrorCode.AccountLocked:
                        return LoginResult.Locked();
                    case StormpathErrorCode.TokenExpired:
                        return LoginResult.SessionExpired();
                    case StormpathErrorCode.SamlInvalidSignature:
                        _log.LogError(SamlRejected, "IdP signature rejected; certificate rotated?");
                        return LoginResult.Failed();
                    default:
                        return LoginResult.Failed();
                }
            }
        }
    }
}
