using System;
using System.Net.Sockets;
using Stormpath.SDK.Error;

namespace Contoso.Identity.Legacy
{
    /// <summary>Stormpath error codes the mail-server setup screen reacts to.</summary>
    public enum StormpathSmtpError
    {
        ConnectFailed = 13000,
        AuthenticationFailed = 13001,
        ProtocolFailed = 13002,
    }

    public static class LegacyErrorHandling
    {
        private const int DefaultSmtpPort = 587;
        private const int ConnectTimeoutMs = 10000;
        private const int WsaETimedOut = 10060;     // Winsock WSAETIMEDOUT
        private const int WsaEConnReset = 10054;    // Winsock WSAECONNRESET
        private const int EFail = unchecked((int)0x80004005);

        public static string Describe(Exception ex)
        {
            switch (ex)
            {
                // Catch error 10019 (API key authentication failed)
                case ResourceException rex when rex.Code == 10019:
                    return "The API key or secret configured for the legacy tenant is wrong.";
                case ResourceException rex when Enum.IsDefined(typeof(StormpathSmtpError), rex.Code):
                    return $"Mail server check failed ({(StormpathSmtpError)rex.Code}).";
                case SocketException sex when sex.ErrorCode == WsaETimedOut || sex.ErrorCode == WsaEConnReset:
                    return $"Network error {sex.ErrorCode} talking to port {DefaultSmtpPort} (timeout {ConnectTimeoutMs} ms).";
                case System.Runtime.InteropServices.COMException com when com.HResult == EFail:
                    return "Unspecified COM failure.";
                default:
                    return ex.Message;
            }
        }
    }
}
