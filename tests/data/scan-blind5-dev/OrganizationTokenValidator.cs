using System;
using System.Data.SqlClient;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Stormpath.SDK.Error;
using Stormpath.SDK.Oauth;

namespace Contoso.Identity.Tokens
{
    public sealed class OrganizationTokenValidator
    {
        private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
        private const int SqlLoginFailed = 18456;      // SQL Server: login failed for user
        private const int SqlCannotOpenDatabase = 4060; // SQL Server: cannot open database

        private readonly IApplication _application;
        private readonly ILogger<OrganizationTokenValidator> _logger;

        public OrganizationTokenValidator(IApplication application, ILogger<OrganizationTokenValidator> logger)
        {
            _application = application;
            _logger = logger;
        }

        public async Task<TokenCheck> ExchangeAsync(string apiKeyId, string apiKeySecret, string orgNameKey)
        {
            try
            {
                var request = OauthRequests.NewClientCredentialsGrantRequest()
                    .SetApiKeyId(apiKeyId)
                    .SetApiKeySecret(apiKeySecret)
                    .Build();
                var result = await _application.NewClientCredentialsGrantAuthenticator()
                    .AuthenticateAsync(request);
                return TokenCheck.Ok(result.AccessTokenString);
            }
            catch (ResourceException rex) when (rex.Code == 10019)
            {
                // API key id or secret is wrong
                return TokenCheck.InvalidClient();
            }
            catch (ResourceException rex)
            {
                switch (rex.Code)
                {
                    case 11001:
                        return TokenCheck.Rejected($"Unknown organization '{orgNameKey}'");
                    case 11002:
                        return TokenCheck.Rejected("Organization is disabled");
                    default:
                        _logger.LogWarning("Stormpath {Status}/{Code}: {Message}",
                            rex.HttpStatus, rex.Code, rex.DeveloperMessage);
                        return TokenCheck.Rejected("Token exchange failed");
                }
            }
            catch (SqlException sqlEx) when (sqlEx.Number == SqlLoginFailed || sqlEx.Number == SqlCannotOpenDatabase)
            {
                _logger.LogError(sqlEx, "audit store unavailable");
                throw;
            }
        }
    }
}
