// Creates Stormpath accounts for locum vets and contractors (they are not in AD,
// so the LDAP agent never mirrors them). Runs nightly at 02:30 on NYC-UTIL02.
// Source table: HR_Staging.dbo.Locums, filled at 02:00 from the BambooHR export.
using System;
using System.Data.SqlClient;
using System.Threading.Tasks;
using NLog;
using Stormpath.SDK.Account;
using Stormpath.SDK.Client;
using Stormpath.SDK.Directory;
using Stormpath.SDK.Error;

namespace Hpvp.Provisioning
{
    public class StaffAccountProvisioner
    {
        // Stormpath error codes handled explicitly
        private const int SpValueAlreadyExists = 2001;       // email already used in the directory
        private const int SpDirectoryNoCreate = 6100;        // pointed at the AD mirror by mistake
        private const int SpEmailDomainBlacklisted = 7205;   // personal webmail is blacklisted on "HPVP Contractors"

        private static readonly Logger Log = LogManager.GetCurrentClassLogger();
        private readonly IClient _client;
        private readonly IDirectory _contractors;
        private readonly string _hrConnString;

        public StaffAccountProvisioner(IClient client, IDirectory contractors, string hrConnString)
            => (_client, _contractors, _hrConnString) = (client, contractors, hrConnString);

        public async Task<int> RunAsync()
        {
            int created = 0;
            using (var conn = new SqlConnection(_hrConnString))
            {
                await conn.OpenAsync();
                var cmd = new SqlCommand(
                    "SELECT EmployeeId, FirstName, LastName, WorkEmail FROM dbo.Locums " +
                    "WHERE Status = 'A' AND StartDate <= GETDATE()", conn);
                using (var rdr = await cmd.ExecuteReaderAsync())
                {
                    while (await rdr.ReadAsync())
                    {
                        int employeeId = rdr.GetInt32(0);   // BambooHR employee number, e.g. 1923
                        string email = rdr.GetString(3);
                        var account = _client.Instantiate<IAccount>().SetGivenName(rdr.GetString(1))
                            .SetSurname(rdr.GetString(2)).SetEmail(email).SetPassword(PasswordGenerator.Temporary());
                        try
                        {
                            await _contractors.CreateAccountAsync(account);
                            created++;
                        }
                        catch (ResourceException rex) when (rex.Code == SpValueAlreadyExists)
                        {
                            Log.Info($"Locum {employeeId} already has a Stormpath account, skipping");
                        }
                        catch (ResourceException rex) when (rex.Code == SpEmailDomainBlacklisted)
                        {
                            Log.Warn($"Locum {employeeId}: {email} is on a blacklisted domain, ask HR for a work address");
                        }
                        catch (ResourceException rex) when (rex.Code == SpDirectoryNoCreate)
                        {
                            throw new InvalidOperationException(
                                "Provisioner is pointed at the AD mirror; it must target 'HPVP Contractors'", rex);
                        }
                    }
                }
                try { await WriteAuditRowAsync(conn, created); }
                catch (SqlException ex) when (ex.Number == 9002)   // SQL Server: HR_Staging transaction log full
                {
                    Log.Error(ex, "HR_Staging log full (SQL Server error 9002); accounts created, audit row not written");
                }
            }
            return created;
        }

        private static Task WriteAuditRowAsync(SqlConnection conn, int created) =>
            new SqlCommand($"INSERT INTO dbo.ProvisioningAudit (RunAt, Created) VALUES (SYSDATETIME(), {created})", conn)
                .ExecuteNonQueryAsync();
    }
}
