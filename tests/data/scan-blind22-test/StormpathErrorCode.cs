// PickStation/PickStation.Core/Auth/StormpathErrorCode.cs
//
// PickStation is the Windows tablet app store staff use to pick and pack
// Cartwheel orders. Pickers sign in with their store login (Stormpath, the
// partner's directory); the tablet itself authenticates with a per-store API key.

using System;
using System.Net;
using System.Threading.Tasks;
using Stormpath.SDK.Error;

namespace Cartwheel.PickStation.Core.Auth
{
    /// <summary>
    /// The Stormpath error codes PickStation reacts to. Values are Stormpath's,
    /// see https://docs.stormpath.com/rest/product-guide/latest/errors.html
    /// </summary>
    public enum StormpathErrorCode
    {
        None = 0,
        PasswordIncorrect = 7100,
        AccountDisabled = 7101,
        AccountNotFound = 7104,
        DirectoryDisabled = 7106,
        TokenExpired = 10011,
        TokenNotFound = 10013,
        TokenSignatureInvalid = 10017,
        ApiKeyInvalid = 10019,
    }

    /// <summary>Network failures from the WinINet layer on the older tablets (Win 8.1).</summary>
    internal static class WinInetError
    {
        public const int ERROR_INTERNET_TIMEOUT = 12002;
        public const int ERROR_INTERNET_NAME_NOT_RESOLVED = 12007;
        public const int ERROR_INTERNET_CANNOT_CONNECT = 12029;
    }

    public sealed class PickerSignIn
    {
        private const int MaxPinLength = 8;
        private const int OfflineGraceMinutes = 240;
        private static readonly TimeSpan StormpathTimeout = TimeSpan.FromSeconds(30);

        private readonly IStormpathGateway _gateway;
        private readonly IStoreConfig _store;
        private readonly ILog _log;

        public PickerSignIn(IStormpathGateway gateway, IStoreConfig store, ILog log)
        {
            _gateway = gateway;
            _store = store;
            _log = log;
        }

        public async Task<SignInResult> SignInAsync(string login, string password)
        {
            try
            {
                var account = await _gateway.AuthenticateAsync(login, password, StormpathTimeout);
                return SignInResult.Ok(account);
            }
            catch (ResourceException ex)
            {
                _log.Warn($"Picker sign-in failed: HTTP {(int)ex.HttpStatus}, code {ex.Code}, store {_store.StoreNumber}");

                if (ex.Code == (int)StormpathErrorCode.ApiKeyInvalid)
                {
                    // The tablet's store API key was rotated or revoked. Nothing the picker can do.
                    _store.MarkKeyInvalid();
                    return SignInResult.Fail("This tablet needs to be re-registered. Ask your store manager to call Cartwheel.");
                }

                switch ((StormpathErrorCode)ex.Code)
                {
                    case StormpathErrorCode.PasswordIncorrect:
                    case StormpathErrorCode.AccountNotFound:
                        return SignInResult.Fail("Login or password is wrong.");
                    case StormpathErrorCode.AccountDisabled:
                    case StormpathErrorCode.DirectoryDisabled:
                        return SignInResult.Fail("Your store login is switched off. Ask your store manager.");
                    default:
                        return SignInResult.Fail("Sign-in failed (" + ex.Code + "). Try again.");
                }
            }
            catch (WebException wex) when (IsOffline(wex))
            {
                _log.Warn($"Offline sign-in attempt; grace period {OfflineGraceMinutes} min");
                return SignInResult.Offline();
            }
        }

        public async Task<bool> RefreshAsync(PickerSession session)
        {
            try
            {
                await _gateway.RefreshAsync(session);
                return true;
            }
            catch (ResourceException ex) when (ex.Code == 10011 || ex.Code == 10013 || ex.Code == 10017)
            {
                // refresh token gone or bad: back to the PIN pad
                session.Clear();
                return false;
            }
        }

        private static bool IsOffline(WebException wex)
        {
            var hr = wex.HResult & 0xFFFF;
            return hr == WinInetError.ERROR_INTERNET_TIMEOUT
                || hr == WinInetError.ERROR_INTERNET_NAME_NOT_RESOLVED
                || hr == WinInetError.ERROR_INTERNET_CANNOT_CONNECT
                || wex.Status == WebExceptionStatus.Timeout;
        }
    }
}
