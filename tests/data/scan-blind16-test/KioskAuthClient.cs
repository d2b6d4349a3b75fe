// Harrowgate payment kiosks - Kiosk.Core/Auth/KioskAuthClient.cs
// Kiosks authenticate to HarrowgateConnect with a device API key (client
// credentials); residents can then sign in on the touch screen.

using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Tasks;
using Braintree;
using Stormpath.SDK.Error;

namespace Harrowgate.Kiosk.Core.Auth
{
    public sealed class KioskAuthClient
    {
        private const string EventSource = "HRG.Kiosk";
        private const int EventIdAuthFailure = 1000;   // our Windows event id

        private readonly IStormpathGateway _gateway;
        private readonly IKioskScreen _screen;

        public KioskAuthClient(IStormpathGateway gateway, IKioskScreen screen)
        {
            _gateway = gateway;
            _screen = screen;
        }

        public async Task<bool> ConnectAsync()
        {
            try
            {
                await _gateway.GetDeviceTokenAsync();
                return true;
            }
            catch (ResourceException rex) when (rex.Code == 10019)
            {
                // Stormpath 10019: API key or secret invalid - key revoked or
                // kiosk provisioned with the staging key. Needs an engineer.
                EventLog.WriteEntry(EventSource,
                    $"Device key rejected by Stormpath: {rex.DeveloperMessage} ({rex.MoreInfo})",
                    EventLogEntryType.Error, EventIdAuthFailure);
                _screen.ShowOutOfService("K-10");
                return false;
            }
            catch (SocketException sex) when (sex.SocketErrorCode == SocketError.TimedOut
                                            || sex.SocketErrorCode == SocketError.ConnectionRefused
                                            || sex.ErrorCode == 11001)
            {
                // Winsock 10060 / 10061 / 11001 (host not found): kiosk VLAN or DNS.
                // These are Windows socket errors, not Stormpath errors.
                _screen.ShowOutOfService("K-20");
                return false;
            }
        }

        public async Task<ResidentSession> SignInResidentAsync(string email, string password)
        {
            try
            {
                return await _gateway.AuthenticateAsync(email, password);
            }
            catch (ResourceException rex)
            {
                switch (rex.Code)
                {
                    case 7101:
                        _screen.ShowMessage("Your account is switched off. Please ask at the counter.");
                        break;
                    case 13109:
                        // Staff maintenance login: SMS factor disabled on the technician's account.
                        _screen.ShowMessage("Two-step factor is disabled for this account.");
                        break;
                    default:
                        _screen.ShowMessage("We could not sign you in.");
                        break;
                }
                return null;
            }
        }

        // Braintree processor response codes shown on the receipt. Braintree's
        // numbers, printed as "Declined (2001)" etc.
        public static string DeclineText(Transaction tx)
        {
            switch (tx.ProcessorResponseCode)
            {
                case "2000": return "Declined - please contact your bank";
                case "2001": return "Declined - insufficient funds";
                case "2004": return "Declined - card expired";
                case "2014": return "Declined - please contact your bank";
                default:     return $"Declined ({tx.ProcessorResponseCode})";
            }
        }
    }
}
