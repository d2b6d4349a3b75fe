<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Stormpath\Resource\ResourceError;

class AccountController extends Controller
{
    const BCRYPT_COST = 12;
    const MAX_NAME_LENGTH = 255;

    public function update(Request $request, $id)
    {
        try {
            $account = $this->stormpath->getAccount($id);
            $account->givenName = substr($request->input('givenName'), 0, self::MAX_NAME_LENGTH);
            $account->save();
        } catch (ResourceError $e) {
            switch ($e->getErrorCode()) {
                case 2001:
                    return back()->withErrors(['email' => 'Email already in use.']);
                case 2014:
                    return back()->withErrors(['group' => 'Unknown group.']);
                case 4001:
                case 4002:
                    // tenant owner account: cannot delete or disable
                    abort(403, 'That account is protected.');
                case 6401:
                    return back()->withErrors(['password' => 'You used this password recently.']);
            }
            throw $e;
        } catch (\PDOException $e) {
            // SQLSTATE 23000 integrity constraint violation in the local audit table
            if ($e->getCode() === '23000') {
                report($e);
            }
        }
        return redirect()->route('accounts.show', $id)->setStatusCode(303);
    }
}
