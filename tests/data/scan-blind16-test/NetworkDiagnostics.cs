// Harrowgate payment kiosks - Kiosk.Core/Diagnostics/NetworkDiagnostics.cs
// Shown on the engineer screen (hold the Harrowgate crest for 5 s) and written
// to the kiosk's Application event log as event id 2100.

using System.Collections.Generic;
using System.Net.Sockets;

namespace Harrowgate.Kiosk.Core.Diagnostics
{
    public static class NetworkDiagnostics
    {
        public const int EventIdNetworkFault = 2100;

        // Windows Sockets error codes (WSA*), as returned in
        // SocketException.ErrorCode / NativeErrorCode. Windows' numbers.
        private static readonly Dictionary<int, string> Winsock = new Dictionary<int, string>
        {
            { 10004, "WSAEINTR - call interrupted" },
            { 10013, "WSAEACCES - permission denied (firewall / port in use by another service)" },
            { 10014, "WSAEFAULT - bad address" },
            { 10022, "WSAEINVAL - invalid argument" },
            { 10048, "WSAEADDRINUSE - address already in use (card reader bridge still running?)" },
            { 10050, "WSAENETDOWN - network is down" },
            { 10051, "WSAENETUNREACH - network unreachable (kiosk VLAN 130?)" },
            { 10053, "WSAECONNABORTED - connection aborted by this kiosk" },
            { 10054, "WSAECONNRESET - connection reset by peer" },
            { 10060, "WSAETIMEDOUT - connection timed out" },
            { 10061, "WSAECONNREFUSED - connection refused" },
            { 10065, "WSAEHOSTUNREACH - no route to host" },
            { 11001, "WSAHOST_NOT_FOUND - DNS: host not found" },
            { 11002, "WSATRY_AGAIN - DNS: temporary failure, try again" },
            { 11003, "WSANO_RECOVERY - DNS: non-recoverable error" },
            { 11004, "WSANO_DATA - DNS: name valid but no data record" },
        };

        // Where each kiosk service connects; used for the port checks.
        public static readonly IReadOnlyList<(string Name, string Host, int Port)> Endpoints =
            new List<(string, string, int)>
            {
                ("Payments (Braintree)", "payments.braintreegateway.com", 443),
                ("Portal API", "api.harrowgate.gov", 443),
                ("Receipt printer", "127.0.0.1", 9100),
                ("Card reader bridge", "127.0.0.1", 5104),
                ("Telemetry", "telemetry.harrowgate.gov", 7102),
            };

        public static string Describe(SocketException ex)
        {
            return Winsock.TryGetValue(ex.ErrorCode, out var text)
                ? $"Winsock {ex.ErrorCode}: {text}"
                : $"Winsock {ex.ErrorCode}: {ex.SocketErrorCode}";
        }

        public static bool IsDnsProblem(SocketException ex) =>
            ex.ErrorCode >= 11001 && ex.ErrorCode <= 11004;

        public static bool IsRetryable(SocketException ex) =>
            ex.ErrorCode == 10054 || ex.ErrorCode == 10060 || ex.ErrorCode == 11002;
    }
}
