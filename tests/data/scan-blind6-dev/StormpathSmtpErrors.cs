// Copyright (c) 2016 Northwind Clinics. All rights reserved.
using System;
using System.Collections.Generic;
using System.Data.SqlClient;
using Stormpath.SDK.Error;

namespace Northwind.Clinics.Identity.Email
{
    /// <summary>
    /// Custom SMTP server settings are pushed to Stormpath from the tenant admin page.
    /// These are the errors Stormpath returns for them.
    /// </summary>
    public static class StormpathSmtpErrors
    {
        public static readonly IReadOnlyDictionary<int, string> Messages = new Dictionary<int, string>
        {
            { 13000, "Stormpath could not connect to the SMTP host/port you entered." },
            { 13001, "Stormpath could not log in to the SMTP server with those credentials." },
            { 13002, "The SMTP server rejected the TLS/SSL setting." },
            { 1910,  "HTML templates need a paid Stormpath tier." },
        };

        // SQL Server errors we see when saving the settings row locally
        public const int SqlUniqueConstraint = 2627;
        public const int SqlDuplicateKey = 2601;
        public const int SqlDeadlockVictim = 1205;
        public const int SqlLoginFailed = 18456;

        public const int DefaultSmtpPort = 587;
        public const int CommandTimeoutSeconds = 30;

        public static string Describe(ResourceException ex)
        {
            string msg;
            if (Messages.TryGetValue(ex.Code, out msg))
            {
                return msg;
            }
            return $"Stormpath error {ex.Code}: {ex.DeveloperMessage}";
        }

        public static bool IsTransientSql(SqlException ex) =>
            ex.Number == SqlDeadlockVictim || ex.Number == -2;
    }
}
