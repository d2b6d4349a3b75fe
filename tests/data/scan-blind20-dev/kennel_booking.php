<?php
// kennel/booking.php -- boarding reservations ("PawPass Stay" module), 2015
// Sign-in uses the same Stormpath application as PawPass.
require_once __DIR__ . '/../vendor/autoload.php';
require_once __DIR__ . '/lib/kennel_db.php';
require_once __DIR__ . '/lib/flash.php';

use Stormpath\Resource\Application;
use Stormpath\Resource\ResourceError;

// Booking error numbers shown to the client as "Booking error NNNN".
// These are the Kennel module's own numbers (from the original KennelPro build).
const KENNEL_ERR_FULL       = 5104; // no run free for the whole stay
const KENNEL_ERR_VACCINES   = 5116; // rabies / bordetella not current
const KENNEL_ERR_MAX_NIGHTS = 2010; // more than 21 nights
const KENNEL_ERR_LOGIN      = 4610; // sign-in problem, details in $_SESSION['sp_code']

session_start();
$application = Application::get(getenv('STORMPATH_APPLICATION_HREF'));

function kennel_login(Application $application, $email, $password)
{
    try {
        $result = $application->authenticate($email, $password);
        return $result->account;
    } catch (ResourceError $re) {
        $_SESSION['sp_code'] = $re->getCode();
        if ($re->getCode() == 7104) {
            // Stormpath: no account with that email. Send them to PawPass sign-up.
            header('Location: /signup?from=kennel&email=' . urlencode($email));
            exit;
        }
        if ($re->getCode() == 7100) {
            flash('Wrong password. Forgot it? Use "Reset password" on the PawPass sign-in page.');
        } else {
            error_log(sprintf('kennel login: stormpath %d %s', $re->getCode(), $re->getDeveloperMessage()));
            flash(sprintf('Booking error %d. Please call your clinic.', KENNEL_ERR_LOGIN));
        }
        return null;
    }
}

function booking_fail($code)
{
    http_response_code(409);
    flash(sprintf('Booking error %d. %s', $code, kennel_error_text($code)));
    header('Location: /kennel/new');
    exit;
}

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $account = kennel_login($application, $_POST['email'], $_POST['password']);
    if (!$account) { header('Location: /kennel/login'); exit; }

    $clinicId = (int) $_POST['clinic_id'];
    $checkIn  = new DateTime($_POST['check_in']);
    $checkOut = new DateTime($_POST['check_out']);
    $nights   = $checkIn->diff($checkOut)->days;

    if ($nights > 21)                                               booking_fail(KENNEL_ERR_MAX_NIGHTS);
    if (!kennel_db_vaccines_current((int) $_POST['pet_id']))       booking_fail(KENNEL_ERR_VACCINES);
    if (kennel_db_free_runs($clinicId, $checkIn, $checkOut) < 1)    booking_fail(KENNEL_ERR_FULL);

    $bookingId = kennel_db_create_booking($account->href, $clinicId, $checkIn, $checkOut);
    header('Location: /kennel/booking/' . $bookingId);
}
