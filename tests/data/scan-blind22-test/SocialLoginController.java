package com.cartwheel.shopper.auth.social;

import com.cartwheel.shopper.web.ApiError;
import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.application.Application;
import com.stormpath.sdk.provider.ProviderAccountRequest;
import com.stormpath.sdk.provider.ProviderAccountResult;
import com.stormpath.sdk.provider.Providers;
import com.stormpath.sdk.resource.ResourceException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.Map;

/**
 * "Continue with Facebook" / "Continue with Google" for the shopper apps.
 *
 * The apps do the provider handshake themselves and post us the provider's
 * access token; we hand it to Stormpath, which creates or updates the Account
 * in the social directory and gives it back.
 *
 * Facebook Graph API v2.5 in the apps, Google Sign-In SDK 2.4 on iOS.
 */
@RestController
@RequestMapping("/v2/auth/social")
public class SocialLoginController {

    private static final Logger log = LoggerFactory.getLogger(SocialLoginController.class);

    /** Facebook returns OAuthException code 190 when the user token is expired/revoked. */
    private static final int FB_OAUTH_EXCEPTION = 190;
    /** Facebook "Application request limit reached". */
    private static final int FB_APP_RATE_LIMIT = 4;

    private final Application application;
    private final SessionIssuer sessions;

    public SocialLoginController(Application application, SessionIssuer sessions) {
        this.application = application;
        this.sessions = sessions;
    }

    @PostMapping("/{provider}")
    public ResponseEntity<?> login(@PathVariable String provider, @RequestBody Map<String, String> body) {
        String token = body.get("accessToken");
        if (token == null || token.length() > 2048) {
            return ResponseEntity.badRequest().body(new ApiError(4000, "Missing or oversized accessToken"));
        }

        ProviderAccountRequest request = "google".equals(provider)
                ? Providers.GOOGLE.account().setAccessToken(token).build()
                : Providers.FACEBOOK.account().setAccessToken(token).build();

        try {
            ProviderAccountResult result = application.getAccount(request);
            Account account = result.getAccount();
            return ResponseEntity.ok(sessions.issue(account, result.isNewAccount()));
        } catch (ResourceException e) {
            return mapStormpathError(provider, e);
        }
    }

    ResponseEntity<ApiError> mapStormpathError(String provider, ResourceException e) {
        int code = e.getCode();

        if (code == 7200) {
            // Stormpath could not talk to the provider, or the provider rejected the token.
            // The developer message carries the provider's own error, e.g.
            // "(#190) Error validating access token: Session has expired".
            String dev = String.valueOf(e.getDeveloperMessage());
            if (dev.contains("(#" + FB_OAUTH_EXCEPTION + ")")) {
                return error(HttpStatus.UNAUTHORIZED, 4011, "Your Facebook session expired. Please sign in again.");
            }
            if (dev.contains("(#" + FB_APP_RATE_LIMIT + ")")) {
                log.error("Facebook app rate limit hit via Stormpath: {}", dev);
                return error(HttpStatus.SERVICE_UNAVAILABLE, 5031, "Facebook sign-in is busy. Try email sign-in.");
            }
            return error(HttpStatus.BAD_GATEWAY, 5020, "We couldn't reach " + provider + ". Please try again.");
        }

        if (code == 7201) {
            // The user declined the email permission, so the provider response had no email.
            return error(HttpStatus.UNPROCESSABLE_ENTITY, 4221,
                    "We need your email address to create your Cartwheel account.");
        }

        if (code == 7203) {
            // Token minted for the old iOS client id (pre-3.0 builds). See CART-2290.
            log.warn("Google token for a different client id: {}", e.getRequestId());
            return error(HttpStatus.UNAUTHORIZED, 4012, "Please update the Cartwheel app to sign in with Google.");
        }

        log.error("social login failed: provider={} status={} code={} moreInfo={}",
                provider, e.getStatus(), code, e.getMoreInfo());
        return error(HttpStatus.BAD_GATEWAY, 5020, "We couldn't reach " + provider + ". Please try again.");
    }

    /**
     * Profile edits. A Facebook- or Google-backed account's givenName/surname are
     * owned by the provider directory, so saving them fails; we just keep the
     * display name in customData instead.
     */
    @PutMapping("/profile/name")
    public ResponseEntity<?> rename(@RequestAttribute Account account, @RequestBody Map<String, String> body) {
        try {
            account.setGivenName(body.get("givenName"));
            account.save();
        } catch (ResourceException e) {
            if (e.getCode() != 7202) {
                throw e;
            }
            account.getCustomData().put("displayName", body.get("givenName"));
            account.getCustomData().save();
        }
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ApiError> error(HttpStatus status, int cwCode, String message) {
        return ResponseEntity.status(status).body(new ApiError(cwCode, message));
    }
}
