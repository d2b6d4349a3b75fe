/*
 * LakeCat - Lakeshore Library Consortium public catalogue
 * Copyright (c) 2014-2016 Lakeshore Library Consortium, Sandusky, Ohio
 *
 * Patron sign-in and self-registration against the Stormpath "LakeCat Patrons"
 * application. Card barcode or e-mail is the username, the PIN is the password.
 */
package org.lakeshorelibraries.lakecat.web;

import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.application.Application;
import com.stormpath.sdk.authc.AuthenticationRequest;
import com.stormpath.sdk.authc.AuthenticationResult;
import com.stormpath.sdk.authc.UsernamePasswordRequests;
import com.stormpath.sdk.client.Client;
import com.stormpath.sdk.resource.ResourceException;
import org.lakeshorelibraries.lakecat.sierra.SierraPatronClient;
import org.lakeshorelibraries.lakecat.security.FailedLoginCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import javax.servlet.http.HttpServletRequest;

@Controller
@RequestMapping("/account")
public class CatalogLoginController {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoginController.class);

    /* LakeCat's own codes, printed as "LC-xxxx" at the bottom of the error page
       so the help desk can tell them apart. Not Stormpath codes. */
    static final int LC_SIERRA_UNREACHABLE = 1204;
    static final int LC_CARD_EXPIRED       = 1207;
    static final int LC_FINES_BLOCK        = 1310;
    static final int LC_STORMPATH_OTHER    = 1399;

    private static final int  MAX_FAILED_ATTEMPTS = 5;
    private static final long LOCKOUT_WINDOW_MS   = 900_000L;   // 15 minutes
    private static final int  SIERRA_API_TIMEOUT_MS = 8000;
    private static final double FINES_BLOCK_THRESHOLD = 10.00;

    @Autowired private Application application;
    @Autowired private SierraPatronClient sierra;
    @Autowired private FailedLoginCounter failedLogins;

    @PostMapping("/login")
    public String login(@RequestParam("username") String barcodeOrEmail,
                        @RequestParam("pin") String pin,
                        HttpServletRequest request,
                        Model model) {

        if (failedLogins.count(barcodeOrEmail, LOCKOUT_WINDOW_MS) >= MAX_FAILED_ATTEMPTS) {
            model.addAttribute("error", "lakeshore.login.tooMany");
            return "account/login";
        }

        try {
            AuthenticationRequest authc = UsernamePasswordRequests.builder()
                    .setUsernameOrEmail(barcodeOrEmail.trim())
                    .setPassword(pin)
                    .build();
            AuthenticationResult result = application.authenticateAccount(authc);
            Account account = result.getAccount();

            // Sierra is still the source of truth for card status and fines
            double fines = sierra.getFines(account.getUsername(), SIERRA_API_TIMEOUT_MS);
            if (fines > FINES_BLOCK_THRESHOLD) {
                model.addAttribute("lcCode", LC_FINES_BLOCK);
            }
            request.getSession().setAttribute("patron", account.getHref());
            failedLogins.reset(barcodeOrEmail);
            return "redirect:/account/summary";

        } catch (ResourceException e) {
            int code = e.getCode();
            switch (code) {
                case 7100:  // wrong PIN
                    failedLogins.increment(barcodeOrEmail);
                    model.addAttribute("error", "stormpath.web.errors.7100");
                    break;
                case 7101:  // card disabled by the nightly Sierra sync (expired / lost card)
                    model.addAttribute("error", "lakeshore.login.cardInactive");
                    break;
                case 7104:
                    // Unknown barcode/e-mail. Same text as a bad PIN so we don't leak
                    // which cards exist (audit finding, Oct 2015).
                    failedLogins.increment(barcodeOrEmail);
                    model.addAttribute("error", "stormpath.web.errors.7100");
                    break;
                default:
                    log.error("Unexpected Stormpath error {} (HTTP {}) on patron login: {}",
                            code, e.getStatus(), e.getDeveloperMessage());
                    model.addAttribute("error", "lakeshore.login.generic");
                    model.addAttribute("lcCode", LC_STORMPATH_OTHER);
            }
            return "account/login";
        } catch (SierraPatronClient.TimeoutException te) {
            log.warn("Sierra patron API timed out after {} ms", SIERRA_API_TIMEOUT_MS);
            model.addAttribute("error", "lakeshore.login.generic");
            model.addAttribute("lcCode", LC_SIERRA_UNREACHABLE);
            return "account/login";
        }
    }

    @PostMapping("/register")
    public String register(@RequestParam("email") String email,
                           @RequestParam("barcode") String barcode,
                           @RequestParam("pin") String pin,
                           @RequestParam("givenName") String givenName,
                           @RequestParam("surname") String surname,
                           Model model) {

        if (barcode.length() != 14) {          // Lakeshore cards are 14-digit Codabar
            model.addAttribute("error", "lakeshore.register.badBarcode");
            return "account/register";
        }
        if (sierra.isExpired(barcode, SIERRA_API_TIMEOUT_MS)) {
            model.addAttribute("lcCode", LC_CARD_EXPIRED);
            return "account/register";
        }

        Account account = client.instantiate(Account.class)
                .setEmail(email)
                .setUsername(barcode)
                .setPassword(pin)
                .setGivenName(givenName)
                .setSurname(surname);
        try {
            application.createAccount(account);
            return "redirect:/account/verify";
        } catch (ResourceException e) {
            if (e.getCode() == 2001) {
                // "Account with that email already exists." -> offer the forgot-PIN link
                model.addAttribute("error", "stormpath.web.errors.2001");
                model.addAttribute("showForgotPin", true);
            } else if (e.getCode() == 2007) {
                model.addAttribute("error", "lakeshore.register.pinTooShort");
            } else if (e.getCode() == 5100) {
                // Application has no default account store. Happened once after the
                // 2015 directory split; page whoever is on call.
                log.error("LakeCat Patrons app has no default account store! {}", e.getDeveloperMessage());
                model.addAttribute("error", "lakeshore.login.generic");
                model.addAttribute("lcCode", LC_STORMPATH_OTHER);
            } else {
                log.error("Registration failed: HTTP {} / {}", e.getStatus(), e.getMessage());
                model.addAttribute("error", "lakeshore.login.generic");
            }
            return "account/register";
        }
    }

    @Autowired private Client client;
}
