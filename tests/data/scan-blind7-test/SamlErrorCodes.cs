// <copyright file="SamlErrorCodes.cs" company="Norvane Ltd">
// Copyright (c) 2016 Norvane Ltd.
// </copyright>

namespace Norvane.Sso.Stormpath
{
    using System.Data.SqlClient;
    using Stormpath.SDK.Error;

    /// <summary>
    /// Stormpath error codes we react to in the SAML / ID Site callback.
    /// </summary>
    public enum SsoErrorCode
    {
        SamlResponseMalformed = 10100,
        SamlSignatureInvalid = 10101,
        IdpAuthenticationFailed = 10102,
        IdSiteSessionTimedOut = 12001,
    }

    public static class SsoErrorPolicy
    {
        public const int CallbackTimeoutMs = 10000;
        private const int SqlUniqueIndexViolation = 2601;
        private const int SqlUniqueConstraintViolation = 2627;

        public static bool ShouldRestartLogin(ResourceException rex)
            => rex.Code == (int)SsoErrorCode.IdSiteSessionTimedOut
               || rex.Code == (int)SsoErrorCode.IdpAuthenticationFailed;

        public static bool IsSupportCase(ResourceException rex)
            => rex.Code == (int)SsoErrorCode.SamlResponseMalformed
               || rex.Code == (int)SsoErrorCode.SamlSignatureInvalid;

        public static bool IsDuplicateUserRow(SqlException ex)
            => ex.Number == SqlUniqueIndexViolation || ex.Number == SqlUniqueConstraintViolation;
    }
}
