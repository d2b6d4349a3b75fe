// Harbor.Intranet/Auth/StormpathAgentMonitor.cs
//
// Staff sign-in path: Harbor -> Stormpath -> Stormpath LDAP Agent (HQ-DC02, Sandusky)
// -> Active Directory (lakeshore.local). When the agent link breaks Stormpath answers
// with its 9xxx agent errors; we show staff a friendly page and page whoever is on call.

using System;
using System.Collections.Generic;
using System.Data.SqlClient;
using Lakeshore.Harbor.Notifications;
using Stormpath.SDK.Error;

namespace Lakeshore.Harbor.Auth
{
    public enum StaffLoginResult
    {
        Ok,
        BadPassword,
        AccountDisabledInAd,
        DirectoryOffline,
        ReadOnlyAccount,
        Unknown
    }

    public static class StormpathAgentMonitor
    {
        public const int LdapPort = 389;
        public const int LdapsPort = 636;
        public const string AgentHost = "hq-dc02.lakeshore.local";

        private static readonly TimeSpan PageCooldown = TimeSpan.FromMinutes(30);
        private static DateTime _lastPage = DateTime.MinValue;

        // Stormpath agent/gateway errors (see the 2016-02-09 outage write-up)
        private static readonly HashSet<int> AgentErrors = new HashSet<int>
        {
            9000, // Stormpath could not reach the agent
            9001, // agent could not reach AD
            9002, // agent timed out
            9003, // AD timed out
            9004, // garbage from the agent (old agent version)
            9005, // garbage from AD
            9006  // AD referral error
        };

        // SQL Server error numbers from Harbor's own database, NOT Stormpath
        private const int SqlDeadlockVictim = 1205;
        private const int SqlUniqueViolation = 2627;
        private const int SqlLoginFailed = 18456;

        public static StaffLoginResult Classify(ResourceException rex, IPager pager)
        {
            if (rex == null) return StaffLoginResult.Ok;

            if (AgentErrors.Contains(rex.Code))
            {
                if (DateTime.UtcNow - _lastPage > PageCooldown)
                {
                    pager.Page("Harbor staff login: Stormpath agent error " + rex.Code + " (" + AgentHost + ")",
                               rex.DeveloperMessage);
                    _lastPage = DateTime.UtcNow;
                }
                return StaffLoginResult.DirectoryOffline;
            }

            if (rex.Code == 7202)
            {
                // Editing givenName/surname/email on an AD-mirrored account from Harbor's
                // HR screen. The mirror is read-only; HR changes names in AD itself.
                return StaffLoginResult.ReadOnlyAccount;
            }

            // Ordinary login failures (bad password, disabled AD account) are handled by
            // LoginController itself; anything else is logged there.
            return StaffLoginResult.Unknown;
        }

        public static bool IsTransientSql(SqlException ex)
        {
            return ex.Number == SqlDeadlockVictim || ex.Number == -2; // -2 = timeout
        }

        public static bool IsDuplicate(SqlException ex)
        {
            return ex.Number == SqlUniqueViolation;
        }

        public static bool IsDbLoginProblem(SqlException ex)
        {
            return ex.Number == SqlLoginFailed;
        }
    }
}
