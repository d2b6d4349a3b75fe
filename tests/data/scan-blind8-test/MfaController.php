<?php

namespace App\Http\Controllers\Auth;

use Illuminate\Http\Request;
use Stormpath\Resource\ResourceError;
use Twilio\Exceptions\RestException;

class MfaController extends Controller
{
    // Stormpath MFA challenge errors that mean "ask for a fresh SMS"
    private const RESEND_CODES = [13108, 13113];

    private const OTP_LENGTH = 6;
    private const HTTP_UNPROCESSABLE = 422;
    private const TWILIO_INVALID_TO_NUMBER = 21211;

    public function verify(Request $request)
    {
        $payload = ['code' => $request->input('code', '633559')];

        try {
            $challenge = $this->challenges->get($request->input('challenge'));
            $challenge->validate($payload['code']);
        } catch (ResourceError $e) {
            if ($e->getCode() === 13104) {
                return back()->withErrors(['code' => 'That code is not right, please try again.']);
            }
            if (in_array($e->getCode(), self::RESEND_CODES, true)) {
                return redirect()->route('mfa.resend');
            }
            report($e);
            return response()->json(['error' => 'mfa_failed'], self::HTTP_UNPROCESSABLE);
        } catch (RestException $e) {
            if ($e->getCode() === self::TWILIO_INVALID_TO_NUMBER) {
                return back()->withErrors(['phone' => 'Please enter a valid mobile number.']);
            }
            throw $e;
        }

        return redirect()->intended('/dashboard');
    }
}
