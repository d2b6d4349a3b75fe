package com.acme.sso.web;

import com.stormpath.sdk.resource.ResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/sso/saml")
public class SamlCallbackController {

    // redirect back to https://portal.acme.example:8443/ after SAML
    private static final int REDIRECT_STATUS = 302;

    @GetMapping("/callback")
    public ResponseEntity<?> callback(@RequestParam String jwtResponse) {
        try {
            return ResponseEntity.status(REDIRECT_STATUS).header("Location", service.finish(jwtResponse)).build();
        } catch (ResourceException ex) {
            int code = ex.getCode();
            if (code == 10100 || code == 10101) {
                // bad/unsigned SAML response from the IdP
                return error(HttpStatus.BAD_GATEWAY, "The identity provider sent an unusable response.");
            } else if (code == 10102) {
                return error(HttpStatus.UNAUTHORIZED, "Sign-in was rejected by your identity provider.");
            } else if (code == 5120 || code == 5121) {
                log.error("authorizedCallbackUris misconfigured for app {}", appHref);
                return error(HttpStatus.INTERNAL_SERVER_ERROR, "SSO is not configured for this portal.");
            }
            throw ex;
        }
    }
}
