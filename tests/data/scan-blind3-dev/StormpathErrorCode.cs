using System;

namespace Acme.Identity.Stormpath
{
    /// <summary>Stormpath error codes for directory agent and SMTP server problems.</summary>
    public enum StormpathErrorCode
    {
        AgentUnreachable = 9000,
        DirectoryServerUnreachable = 9001,
        SmtpConnectFailed = 13000,
        SmtpAuthFailed = 13001,
        SmtpProtocolFailed = 13002,
        EmailServerExists = 13003,
    }

    public static class SmtpDefaults
    {
        public const int Port = 587;
        public const int LegacyPort = 25;
        public const int SslPort = 465;
        public const int TimeoutSeconds = 100;
    }
}
