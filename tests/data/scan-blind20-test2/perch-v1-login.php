<?php
/*
 * Perch v1 client portal - login handler.
 * Passwords are checked by Stormpath (stormpath/sdk PHP); sessions live in MySQL.
 * Brackwater Falconry Ltd, 2015.
 */
require __DIR__ . '/../vendor/autoload.php';
require __DIR__ . '/../lib/perch_session.php';

$db = @mysqli_connect(PERCH_DB_HOST, PERCH_DB_USER, PERCH_DB_PASS, 'perch');
if (!$db) {
    // MySQL client error 2002 = can't connect (socket/connection refused).
    // The session DB is on the same box and restarts during backups at 03:00.
    if (mysqli_connect_errno() == 2002) {
        header('Retry-After: 60');
        http_response_code(503);
        include __DIR__ . '/../templates/maintenance.php';
        exit;
    }
    die('Database error ' . mysqli_connect_errno());
}

$email = trim($_POST['email'] ?? '');
$password = $_POST['password'] ?? '';

try {
    $application = \Stormpath\Resource\Application::get(PERCH_STORMPATH_APP_HREF);
    $request = new \Stormpath\Authc\UsernamePasswordRequest($email, $password);
    $result = $application->authenticateAccount($request);
    $account = $result->account;

    perch_session_start($db, $account->href);
    // Keep clients signed in for 2 hours (7200 seconds).
    setcookie('perch_sid', session_id(), time() + 7200, '/', '', true, true);
    header('Location: /reports/');
    exit;
} catch (\Stormpath\Resource\ResourceError $re) {
    // getErrorCode() is the Stormpath error code.
    switch ($re->getErrorCode()) {
        case 7100: // wrong password
            $error = 'Email or password not recognised.';
            break;
        case 7102: // account not verified yet
            $error = 'Please click the link in your welcome email first.';
            break;
        default:
            error_log('Perch login: Stormpath ' . $re->getStatus() . '/' . $re->getErrorCode()
                . ': ' . $re->getDeveloperMessage());
            $error = 'Login is unavailable just now. Please try again later.';
    }
}

include __DIR__ . '/../templates/login.php';
