using System;
using System.Collections.Generic;
using System.Data.SqlClient;
using Stormpath.SDK.Error;

namespace Contoso.Web.Identity
{
    public static class StormpathErrorTranslator
    {
        public const int KestrelPort = 5000;
        public static readonly TimeSpan HttpTimeout = TimeSpan.FromMilliseconds(3000);
        public const int MaxPageSize = 200;

        // Stormpath error codes the login and token endpoints surface to users
        private static readonly Dictionary<int, string> StormpathErrors = new Dictionary<int, string>
        {
            { 7100, "Invalid username or password." },
            { 7102, "Please verify your email address." },
            { 10011, "Your session has expired." },
            { 10019, "Invalid API key." },
        };

        // SQL Server error numbers (SqlException.Number)
        private static readonly Dictionary<int, string> SqlErrors = new Dictionary<int, string>
        {
            { 1205, "Deadlock victim" },
            { 2627, "Unique constraint violation" },
            { 4060, "Cannot open database" },
        };

        public static string Translate(Exception ex)
        {
            try
            {
                throw ex;
            }
            catch (ResourceException rex) when (rex.Code == 10019)
            {
                return "invalid_client";
            }
            catch (ResourceException rex)
            {
                return StormpathErrors.TryGetValue(rex.Code, out var msg) ? msg : $"Error {rex.HttpStatus}";
            }
            catch (SqlException sex)
            {
                return SqlErrors.TryGetValue(sex.Number, out var msg) ? msg : "Database error";
            }
        }
    }
}
