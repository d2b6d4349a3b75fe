// Larkspur.Timeclock.Web/Services/StormpathAuthService.cs
// Staff time clock (ASP.NET MVC 5, Stormpath.SDK 0.94). Employees clock in on
// the break-room tablets; managers approve with an SMS factor.

using System;
using System.Data.SqlClient;
using System.Net.Sockets;
using System.Threading.Tasks;
using NLog;
using Stormpath.SDK.Account;
using Stormpath.SDK.Application;
using Stormpath.SDK.Error;

namespace Larkspur.Timeclock.Web.Services
{
    public enum ClockLoginResult
    {
        Ok,
        BadCredentials,
        Disabled,
        DirectoryOff,
        FactorUnavailable,
        ServiceDown
    }

    public sealed class StormpathAuthService
    {
        private static readonly Logger Log = LogManager.GetCurrentClassLogger();

        // SQL Server (punch store) error numbers
        private const int SqlDeadlock = 1205;
        private const int SqlDuplicateKey = 2627;
        private const int SqlCannotOpenDb = 4060;
        private const int SqlLoginFailed = 18456;

        private const int PunchSyncPort = 5170;
        private const int CommandTimeoutSeconds = 30;
        private const int MaxPunchRetries = 3;

        private readonly IApplication _app;

        public StormpathAuthService(IApplication app)
        {
            _app = app;
        }

        public async Task<ClockLoginResult> LoginAsync(string employeeNo, string pin)
        {
            try
            {
                await _app.AuthenticateAccountAsync(employeeNo, pin);
                return ClockLoginResult.Ok;
            }
            catch (ResourceException rex) when (rex.Code == 10019)
            {
                // API key/secret in web.config rejected -> someone rotated keys
                Log.Fatal("Stormpath rejected our API key pair: {0}", rex.DeveloperMessage);
                return ClockLoginResult.ServiceDown;
            }
            catch (ResourceException rex)
            {
                switch (rex.Code)
                {
                    case 7101:
                        return ClockLoginResult.Disabled;        // terminated / on leave
                    case 7106:
                        return ClockLoginResult.DirectoryOff;    // whole property directory switched off
                    case 13109:
                    case 13110:
                        // factor or phone disabled: manager must re-enrol SMS
                        return ClockLoginResult.FactorUnavailable;
                    default:
                        Log.Warn("Stormpath {0} (HTTP {1}) for {2}", rex.Code, rex.HttpStatus, employeeNo);
                        return ClockLoginResult.BadCredentials;
                }
            }
        }

        public async Task SavePunchAsync(Punch punch)
        {
            for (var attempt = 1; attempt <= MaxPunchRetries; attempt++)
            {
                try
                {
                    await PunchStore.InsertAsync(punch, CommandTimeoutSeconds);
                    return;
                }
                catch (SqlException sex) when (sex.Number == SqlDeadlock && attempt < MaxPunchRetries)
                {
                    await Task.Delay(200 * attempt);
                }
                catch (SqlException sex) when (sex.Number == SqlDuplicateKey)
                {
                    return; // tablet re-sent the same punch
                }
                catch (SqlException sex) when (sex.Number == SqlCannotOpenDb || sex.Number == SqlLoginFailed)
                {
                    Log.Error(sex, "Punch store unavailable, queueing punch {0}", punch.Id);
                    PunchQueue.Enqueue(punch);
                    return;
                }
            }
        }

        public void NotifySyncAgent(string host)
        {
            try
            {
                using (var client = new TcpClient())
                {
                    client.Connect(host, PunchSyncPort);
                }
            }
            catch (SocketException sx)
            {
                // 10013 = WSAEACCES (port blocked by the tablet firewall policy),
                // 10060 = WSAETIMEDOUT, 10061 = WSAECONNREFUSED
                if (sx.ErrorCode == 10013)
                    Log.Error("Firewall blocks port {0} on {1}", PunchSyncPort, host);
                else if (sx.ErrorCode == 10060 || sx.ErrorCode == 10061)
                    Log.Warn("Sync agent on {0} not reachable ({1})", host, sx.ErrorCode);
                else
                    throw;
            }
        }
    }
}
