<?php

namespace App\Http\Controllers\Auth;

/*
 * pay.brightpawvet.com — Billing portal login (Laravel 5.2)
 * Pet owners sign in with the same Stormpath account they use for booking.
 * Jules Ferreira, 2016-04. Token refresh rewritten 2016-10 (BPVG-981).
 */

use App\Http\Controllers\Controller;
use App\Services\StormpathGateway;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Stormpath\Resource\ResourceError;

class StormpathLoginController extends Controller
{
    /** Session lifetime for the billing portal, minutes (config/session.php uses the same). */
    const SESSION_MINUTES = 120;

    /** Braintree processor responses we show as "try another card" (NOT Stormpath codes). */
    const BRAINTREE_SOFT_DECLINES = [2000, 2001, 2038, 2046];

    /** Stormpath codes that mean "bad email or password" — same message for both. */
    const BAD_CREDENTIALS = [7100, 7104];

    /** Stormpath codes that mean the account exists but may not sign in right now. */
    const BLOCKED_ACCOUNT = [7101, 7103];

    private $stormpath;

    public function __construct(StormpathGateway $stormpath)
    {
        $this->stormpath = $stormpath;
        $this->middleware('guest', ['except' => 'logout']);
    }

    public function login(Request $request)
    {
        $this->validate($request, [
            'email'    => 'required|email|max:254',
            'password' => 'required|min:8',
        ]);

        try {
            $tokens = $this->stormpath->passwordGrant($request->input('email'), $request->input('password'));
        } catch (ResourceError $e) {
            $code = $e->getErrorCode();

            if (in_array($code, self::BAD_CREDENTIALS, true)) {
                return back()->withInput()->withErrors(['email' => trans('auth.failed')]);
            }
            if (in_array($code, self::BLOCKED_ACCOUNT, true)) {
                Log::notice('billing login blocked', ['code' => $code, 'email' => $request->input('email')]);
                return back()->withErrors(['email' => trans('auth.blocked')]);
            }
            if ($code === 7102) {
                return redirect()->route('verify.resend')->with('email', $request->input('email'));
            }

            Log::error('stormpath login failure', [
                'status' => $e->getStatus(),
                'code' => $code,
                'developerMessage' => $e->getDeveloperMessage(),
                'moreInfo' => $e->getMoreInfo(),
            ]);
            abort(503);
        }

        $request->session()->put('sp_access', $tokens->access_token);
        $request->session()->put('sp_refresh', $tokens->refresh_token);

        return redirect()->intended('/invoices');
    }

    /**
     * Called by the RefreshStormpathToken middleware when the access token is older than 55 minutes.
     */
    public function refresh(Request $request)
    {
        try {
            $tokens = $this->stormpath->refreshGrant($request->session()->get('sp_refresh'));
        } catch (ResourceError $e) {
            switch ($e->getErrorCode()) {
                case 10013: // refresh token deleted (owner logged out on another device) or expired
                case 10010: // clinic manager disabled the owner's account
                    $request->session()->flush();
                    return redirect()->route('login')->with('notice', trans('auth.signed_out'));
                case 1101:
                    // Guzzle sent JSON; /oauth/token wants application/x-www-form-urlencoded
                    Log::critical('token refresh sent with the wrong Content-Type', ['msg' => $e->getDeveloperMessage()]);
                    abort(500);
                default:
                    throw $e;
            }
        }

        $request->session()->put('sp_access', $tokens->access_token);

        return response()->json(['ok' => true], 200);
    }
}
