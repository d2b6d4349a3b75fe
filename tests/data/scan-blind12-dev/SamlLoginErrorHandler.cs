using System;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Stormpath.SDK.Error;

namespace Quill.Sso.Saml
{
    /// <summary>
    /// Error codes Stormpath returns from the SAML flow (district ADFS / Shibboleth logins).
    /// </summary>
    public enum StormpathSamlError
    {
        MalformedSamlResponse = 10100,
        InvalidSamlSignature = 10101,
        IdentityProviderAuthFailed = 10102,
        NoAuthorizedCallbackUri = 5120,
        CallbackUriNotAuthorized = 5121,
        NoDefaultCallbackUri = 5122,
        AccountStoreNotSamlDirectory = 2022,
    }

    public sealed class SamlLoginErrorHandler
    {
        // WinHTTP errors we get from the district's IdP metadata fetch (not Stormpath codes).
        private const int ERROR_WINHTTP_TIMEOUT = 12002;
        private const int ERROR_WINHTTP_NAME_NOT_RESOLVED = 12007;
        private const int ERROR_WINHTTP_CANNOT_CONNECT = 12029;

        private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(15);

        private readonly ILogger _log;

        public SamlLoginErrorHandler(ILogger<SamlLoginErrorHandler> log)
        {
            _log = log;
        }

        public string Handle(ResourceException rex)
        {
            switch ((StormpathSamlError)rex.Code)
            {
                case StormpathSamlError.MalformedSamlResponse:
                case StormpathSamlError.InvalidSamlSignature:
                    // usually the district rotated the ADFS token-signing certificate
                    _log.LogError("SAML response rejected ({Code}), request {RequestId}", rex.Code, rex.RequestId);
                    return "/error/saml-certificate";
                case StormpathSamlError.IdentityProviderAuthFailed:
                    return "/login?saml=failed";
                case StormpathSamlError.NoAuthorizedCallbackUri:
                case StormpathSamlError.CallbackUriNotAuthorized:
                case StormpathSamlError.NoDefaultCallbackUri:
                    _log.LogCritical("authorizedCallbackUris misconfigured for this application: {Message}", rex.DeveloperMessage);
                    return "/error/config";
                case StormpathSamlError.AccountStoreNotSamlDirectory:
                    return "/error/config";
            }

            // 10103 comes only from the Stormpath admin console; if we ever see it our own
            // code is calling an admin endpoint by mistake.
            if (rex.Code == 10103)
            {
                _log.LogCritical("Stormpath 10103 - admin-console-only call made from Quill SSO");
            }

            return rex.HttpStatus == (int)HttpStatusCode.Conflict ? "/error/conflict" : "/error/unknown";
        }

        public string HandleMetadataFetch(COMException cex)
        {
            int win32 = cex.ErrorCode & 0xFFFF;
            switch (win32)
            {
                case ERROR_WINHTTP_TIMEOUT:
                case ERROR_WINHTTP_CANNOT_CONNECT:
                    return "/error/idp-unreachable";
                case ERROR_WINHTTP_NAME_NOT_RESOLVED:
                    return "/error/idp-dns";
                default:
                    return "/error/unknown";
            }
        }
    }
}
