<?php
/**
 * Northgate Class Booking - Stormpath client
 *
 * wp-content/plugins/ng-class-booking/includes/class-ng-stormpath-client.php
 *
 * The marketing site (northgateclubs.com, WordPress 4.6) lets members book a
 * class from the timetable widget without going to book.northgateclubs.com.
 * There is no maintained Stormpath PHP SDK we trust on WP Engine, so this talks
 * to the REST API with wp_remote_post().
 *
 * @package NG_Class_Booking
 * @since   1.4.2
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

class NG_Stormpath_Client {

	const API_BASE        = 'https://api.stormpath.com/v1';
	const HTTP_TIMEOUT    = 15;
	const CACHE_TTL       = DAY_IN_SECONDS;
	const MYSQL_DUP_ENTRY = 1062; // MySQL ER_DUP_ENTRY, from the bookings table

	/** Stormpath codes that mean "bad email or password" to the member. */
	private static $bad_login_codes = array( 7100, 7104 );

	private $app_href;
	private $api_key_id;
	private $api_key_secret;

	public function __construct( $app_href, $api_key_id, $api_key_secret ) {
		$this->app_href       = $app_href;
		$this->api_key_id     = $api_key_id;
		$this->api_key_secret = $api_key_secret;
		add_filter( 'http_request_timeout', array( $this, 'timeout' ), 10, 2 );
	}

	public function timeout( $seconds, $url = '' ) {
		return ( 0 === strpos( $url, self::API_BASE ) ) ? self::HTTP_TIMEOUT : $seconds;
	}

	/**
	 * @return array|WP_Error account array on success
	 */
	public function login( $email, $password ) {
		$response = wp_remote_post(
			$this->app_href . '/loginAttempts',
			array(
				'httpversion' => '1.1',
				'headers'     => array(
					'Authorization' => 'Basic ' . base64_encode( $this->api_key_id . ':' . $this->api_key_secret ),
					'Content-Type'  => 'application/json',
					'Accept'        => 'application/json',
				),
				'body'        => wp_json_encode(
					array(
						'type'  => 'basic',
						'value' => base64_encode( $email . ':' . $password ),
					)
				),
			)
		);

		if ( is_wp_error( $response ) ) {
			return $response;
		}

		$status = (int) wp_remote_retrieve_response_code( $response );
		$body   = json_decode( wp_remote_retrieve_body( $response ) );

		if ( 200 === $status ) {
			return (array) $body->account;
		}

		$code = isset( $body->code ) ? (int) $body->code : 0;

		if ( in_array( $code, self::$bad_login_codes, true ) ) {
			return new WP_Error( 'ng_bad_login', __( 'Email or password is incorrect.', 'ng-class-booking' ) );
		}

		if ( 2000 === $code ) {
			return new WP_Error( 'ng_missing', __( 'Please enter your email and password.', 'ng-class-booking' ) );
		}

		if ( 1100 === $code || 1101 === $code ) {
			// We sent the wrong method or Content-Type: a bug in this class, not the member's fault.
			error_log( sprintf( 'NG Booking: Stormpath API error %d: %s', $code, isset( $body->developerMessage ) ? $body->developerMessage : '' ) );
			return new WP_Error( 'ng_internal', __( 'Booking is temporarily unavailable.', 'ng-class-booking' ), array( 'status' => 503 ) );
		}

		error_log( sprintf( 'NG Booking: unexpected Stormpath response HTTP %d code %d', $status, $code ) );
		return new WP_Error( 'ng_unknown', __( 'Sign in failed. Please try again.', 'ng-class-booking' ), array( 'status' => $status ) );
	}

	/**
	 * Save a booking; the unique key (member_id, class_id) stops double bookings.
	 */
	public function save_booking( $member_id, $class_id ) {
		global $wpdb;
		$ok = $wpdb->insert(
			$wpdb->prefix . 'ng_bookings',
			array(
				'member_id' => $member_id,
				'class_id'  => $class_id,
				'booked_at' => current_time( 'mysql' ),
			),
			array( '%s', '%d', '%s' )
		);
		if ( false === $ok && false !== strpos( $wpdb->last_error, 'Duplicate entry' ) ) {
			return new WP_Error( 'ng_already_booked', __( 'You are already booked on this class.', 'ng-class-booking' ), array( 'mysql' => self::MYSQL_DUP_ENTRY ) );
		}
		if ( false === $ok ) {
			wp_die( esc_html__( 'Could not save your booking.', 'ng-class-booking' ), '', array( 'response' => 403 ) );
		}
		return true;
	}
}
