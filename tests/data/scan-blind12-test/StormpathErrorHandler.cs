using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Stormpath.SDK.Error;

namespace Ourcompany.AuthGateway.Stormpath
{
    /// <summary>
    /// Stormpath error codes we act on. Values are the Stormpath "code" field
    /// (ResourceException.Code), not HTTP statuses.
    /// </summary>
    public enum StormpathErrorCode
    {
        DirectoryTypeAlreadyMappedToOrg = 4700,
        AccountStoreAlreadyMapped = 5104,
        NoAccountStoresForLogin = 5105,
        DirectoryTypeAlreadyMappedToApp = 5200,
        ApiKeyAuthenticationFailed = 10019,
    }

    public class StormpathErrorHandler
    {
        // Logging event ids for this class (ours, shown in Seq/Event Viewer)
        private static readonly EventId AuthFailedEvent = new EventId(5201, "StormpathAuthFailed");
        private static readonly EventId ConfigErrorEvent = new EventId(5202, "StormpathConfigError");

        private readonly ILogger<StormpathErrorHandler> _logger;

        public StormpathErrorHandler(ILogger<StormpathErrorHandler> logger)
        {
            _logger = logger;
        }

        public async Task<bool> TryHandleAsync(HttpContext context, Func<Task> next)
        {
            try
            {
                await next();
                return true;
            }
            // Catch error 10019 (API Authentication failed): bad client id/secret from a partner
            catch (ResourceException rex) when (rex.Code == (int)StormpathErrorCode.ApiKeyAuthenticationFailed)
            {
                _logger.LogWarning(AuthFailedEvent, "Client credentials rejected: {Message}", rex.DeveloperMessage);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("{\"error\":\"invalid_client\"}");
                return false;
            }
            catch (ResourceException rex) when (rex.Code == (int)StormpathErrorCode.NoAccountStoresForLogin)
            {
                // Misconfigured application in the Stormpath console; page the on-call.
                _logger.LogCritical(ConfigErrorEvent, "Application has no account stores: {RequestId}", rex.RequestId);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return false;
            }
            catch (ResourceException rex) when (rex.Code == 4700 || rex.Code == 5104 || rex.Code == 5200)
            {
                // Provisioning scripts re-run the mapping step; already mapped is fine.
                _logger.LogInformation(ConfigErrorEvent, "Mapping already present ({Code}), ignoring", rex.Code);
                return true;
            }
        }
    }
}
