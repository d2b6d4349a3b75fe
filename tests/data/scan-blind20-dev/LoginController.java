package com.hudsonpinevet.staffportal.web;

import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.application.Application;
import com.stormpath.sdk.authc.AuthenticationRequest;
import com.stormpath.sdk.authc.AuthenticationResult;
import com.stormpath.sdk.authc.UsernamePasswordRequests;
import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Staff portal sign-in (Hudson Pine Veterinary Partners), Stormpath Java SDK 1.1.
 * Staff sign in against the "HPVP Staff (AD)" mirror directory.
 */
@RestController
@RequestMapping("/api/session")
public class LoginController {

    /* Staff-portal error codes: ours, returned in ApiError.code to the Angular app. */
    static final int SP_BAD_CREDENTIALS     = 4001;
    static final int SP_ACCOUNT_UNAVAILABLE = 4002;
    static final int SP_UPSTREAM_DOWN       = 5010;

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    private final Application application;

    public LoginController(Application application) {
        this.application = application;
    }

    @PostMapping
    public ResponseEntity<?> login(@RequestBody LoginForm form) {
        AuthenticationRequest request = UsernamePasswordRequests.builder()
                .setUsernameOrEmail(form.getUsername())
                .setPassword(form.getPassword())
                .build();
        try {
            AuthenticationResult result = application.authenticateAccount(request);
            Account account = result.getAccount();
            return ResponseEntity.ok(SessionDto.from(account));
        } catch (ResourceException e) {
            log.warn("Stormpath login failed for {}: status={} code={} msg={}",
                    form.getUsername(), e.getStatus(), e.getCode(), e.getDeveloperMessage());
            switch (e.getCode()) {
                case 7100: // wrong password
                case 7104: // no such account in the staff directory
                    return error(HttpStatus.UNAUTHORIZED, SP_BAD_CREDENTIALS,
                            "Wrong username or password.");
                case 7101: // account disabled (leaver, or suspended by HR)
                case 7106: // the AD mirror directory itself is disabled
                    return error(HttpStatus.FORBIDDEN, SP_ACCOUNT_UNAVAILABLE,
                            "Your account is not active. Call IT on ext. 5110.");
                default:
                    return error(HttpStatus.BAD_GATEWAY, SP_UPSTREAM_DOWN,
                            "Sign-in is unavailable. Try again in a few minutes.");
            }
        }
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, int code, String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
