using System;
using System.Data.SqlClient;
using System.Net;
using Stormpath.SDK.Error;

namespace Acme.Web.Sso
{
    /// <summary>Stormpath ID Site and organization token error codes.</summary>
    public static class IdSiteErrors
    {
        public const int SessionTimedOut = 12001;
        public const int NotAuthenticated = 12002;

        private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(1500);
        private const int SqlDeadlockVictim = 1205; // SQL Server error number

        public static HttpStatusCode Handle(ResourceException ex)
        {
            switch (ex.Code)
            {
                case SessionTimedOut:
                    return HttpStatusCode.RequestTimeout;
                case NotAuthenticated:
                    return HttpStatusCode.Unauthorized;
                case 11001: // organization nameKey unknown
                case 11002: // organization disabled
                    return HttpStatusCode.Forbidden;
                default:
                    return HttpStatusCode.BadRequest;
            }
        }

        public static bool IsDeadlock(SqlException ex) => ex.Number == SqlDeadlockVictim;

        public static TimeSpan Delay => RetryDelay;
    }
}
