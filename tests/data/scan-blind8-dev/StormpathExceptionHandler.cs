using System;
using System.ComponentModel;
using System.Data.SqlClient;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Stormpath.SDK.Error;

namespace Contoso.Identity.Legacy
{
    public sealed class StormpathExceptionHandler
    {
        private const int ERROR_LOGON_FAILURE = 1326;      // Win32, from the AD fallback path
        private const int SqlUniqueIndexViolation = 2627;
        private const int AgentRetryDelayMs = 2500;
        private const int MaxAgentRetries = 3;

        private readonly ILogger<StormpathExceptionHandler> _logger;

        public StormpathExceptionHandler(ILogger<StormpathExceptionHandler> logger)
        {
            _logger = logger;
        }

        public async Task<HttpStatusCode> HandleAsync(Func<Task> action)
        {
            for (var attempt = 1; attempt <= MaxAgentRetries; attempt++)
            {
                try
                {
                    await action();
                    return HttpStatusCode.OK;
                }
                // Catch error 10019 (API key authentication failed) and report invalid_client
                catch (ResourceException rex) when (rex.Code == 10019)
                {
                    _logger.LogWarning("invalid_client: {Message}", rex.DeveloperMessage);
                    return HttpStatusCode.Unauthorized;
                }
                catch (ResourceException rex)
                {
                    switch (rex.Code)
                    {
                        // Stormpath Directory Agent / LDAP reachability problems
                        case 9000:
                        case 9001:
                        case 9003:
                            _logger.LogError("Stormpath agent unavailable ({Code}), attempt {Attempt}", rex.Code, attempt);
                            await Task.Delay(AgentRetryDelayMs * attempt);
                            continue;
                        default:
                            throw;
                    }
                }
                catch (Win32Exception wex) when (wex.NativeErrorCode == ERROR_LOGON_FAILURE)
                {
                    return HttpStatusCode.Unauthorized;
                }
                catch (SqlException sex) when (sex.Number == SqlUniqueIndexViolation)
                {
                    return HttpStatusCode.Conflict;
                }
            }
            return HttpStatusCode.ServiceUnavailable; // 503
        }
    }
}
