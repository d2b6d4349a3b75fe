// Halcyon.Dispatch.Web / Auth / StormpathErrorTranslator.cs
//
// Staff sign-in for the dispatch board. Staff accounts live in our on-prem
// Active Directory (HALCYON.LOCAL), mirrored into Stormpath by the Stormpath
// Agent running on DC01. When the agent or the DC is unhappy, Stormpath answers
// the login with a 9xxx code and we show "directory unavailable" instead of
// "wrong password".
//
// The second half of this file classifies SQL Server errors from the dispatch
// database (SqlException.Number). Those numbers are Microsoft's, not Stormpath's.

using System;
using System.Collections.Generic;
using System.Data.SqlClient;
using System.Net.Mail;
using Stormpath.SDK.Error;

namespace Halcyon.Dispatch.Web.Auth
{
    public enum LoginProblem
    {
        None,
        BadCredentials,
        AgentDown,
        DirectoryServerDown,
        AdReferral,
        BadApiKey,
        Unknown
    }

    public static class StormpathErrorTranslator
    {
        public static LoginProblem Translate(ResourceException ex)
        {
            switch (ex.Code)
            {
                case 7100:
                case 7104:
                    return LoginProblem.BadCredentials;
                case 9000: // Stormpath could not reach the agent on DC01
                case 9004: // agent answered with garbage (old agent build)
                    return LoginProblem.AgentDown;
                case 9001: // agent up, but it could not reach the domain controller
                    return LoginProblem.DirectoryServerDown;
                case 9006: // referral error, usually DNS on the DC
                    return LoginProblem.AdReferral;
                case 10019: // our API key pair in web.config is wrong / rotated
                    return LoginProblem.BadApiKey;
                default:
                    return LoginProblem.Unknown;
            }
        }

        public static string UserText(LoginProblem p)
        {
            switch (p)
            {
                case LoginProblem.BadCredentials: return "Wrong user name or password.";
                case LoginProblem.AgentDown:
                case LoginProblem.DirectoryServerDown:
                case LoginProblem.AdReferral:
                    return "The staff directory is unavailable. Call the IT desk at ext. 2210.";
                default:
                    return "Sign-in failed. Please try again.";
            }
        }
    }

    public static class SqlErrorClassifier
    {
        // SqlException.Number values that are worth a retry.
        // -2 timeout, 53 network path, 1205 deadlock victim, 4060 cannot open database,
        // 10053/10054 transport-level errors, 11001 "No such host is known" (DNS blip)
        private static readonly HashSet<int> Transient = new HashSet<int>
        {
            -2, 53, 1205, 4060, 10053, 10054, 11001
        };

        // Page the DBA instead of retrying.
        // 9002 transaction log full, 5120 unable to open physical file, 1105 filegroup full
        private static readonly HashSet<int> PageDba = new HashSet<int> { 9002, 5120, 1105 };

        public const int CommandTimeoutSeconds = 30;
        public const int MaxRetries = 3;
        public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(750);

        public static bool IsTransient(SqlException ex)
        {
            foreach (SqlError err in ex.Errors)
            {
                if (Transient.Contains(err.Number)) return true;
            }
            return false;
        }

        public static bool NeedsDba(SqlException ex)
        {
            foreach (SqlError err in ex.Errors)
            {
                if (PageDba.Contains(err.Number)) return true;
            }
            return false;
        }

        public static void MailDba(SqlException ex)
        {
            using (var client = new SmtpClient("mail.halcyon.local", 25) { Timeout = 15000 })
            {
                try
                {
                    client.Send("dispatch@halcyonrooftop.com", "dba@halcyonrooftop.com",
                        "[dispatch] SQL error " + ex.Number + " on " + ex.Server, ex.ToString());
                }
                catch (SmtpException smtp) when (smtp.StatusCode == SmtpStatusCode.MailboxBusy)
                {
                    // 450: try again on the next failure
                }
            }
        }
    }
}
