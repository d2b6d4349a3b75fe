<?php
/**
 * Lakeshore Events - Stormpath sign-in for event registration (RSVP).
 *
 * Patrons sign in with their library card / PIN before they can RSVP to
 * storytimes, ESL classes and the summer reading kickoff. RSVP details are
 * kept in the account's customData under "lakeshore_rsvps".
 *
 * @package Lakeshore_Events
 * @since   1.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

class Lakeshore_Stormpath_Auth {

	const API_BASE      = 'https://api.stormpath.com/v1';
	const API_TIMEOUT   = 15;        // seconds
	const CACHE_TTL     = 3600;
	const MAX_RSVPS     = 12;        // per patron, per month
	const CUSTOM_DATA_LIMIT_BYTES = 10485760; // Stormpath: 10 MB per customData

	/** Stormpath codes that all mean "wrong card number or PIN". */
	private static $bad_login_codes = array( 7100, 7104 );

	public function __construct() {
		add_action( 'init', array( $this, 'register_shortcodes' ), 10 );
		add_action( 'wp_ajax_nopriv_lakeshore_login', array( $this, 'ajax_login' ), 20 );
	}

	public function ajax_login() {
		check_ajax_referer( 'lakeshore_login', 'nonce' );
		$login = sanitize_text_field( wp_unslash( $_POST['login'] ) );
		$pin   = wp_unslash( $_POST['pin'] );

		$response = wp_remote_post(
			self::API_BASE . '/applications/' . LAKESHORE_SP_APP_ID . '/loginAttempts',
			array(
				'timeout' => self::API_TIMEOUT,
				'headers' => array(
					'Authorization' => 'Basic ' . base64_encode( LAKESHORE_SP_KEY_ID . ':' . LAKESHORE_SP_KEY_SECRET ),
					'Content-Type'  => 'application/json',
				),
				'body'    => wp_json_encode( array(
					'type'  => 'basic',
					'value' => base64_encode( $login . ':' . $pin ),
				) ),
			)
		);

		if ( is_wp_error( $response ) ) {
			wp_send_json_error( array( 'message' => __( 'Sign-in is unavailable right now.', 'lakeshore-events' ) ), 503 );
		}

		$status = (int) wp_remote_retrieve_response_code( $response );
		$body   = json_decode( wp_remote_retrieve_body( $response ), true );

		if ( $status >= 400 && isset( $body['code'] ) ) {
			$sp_code = (int) $body['code'];

			if ( in_array( $sp_code, self::$bad_login_codes, true ) ) {
				wp_send_json_error( array( 'message' => __( 'Card number or PIN is incorrect.', 'lakeshore-events' ) ), 401 );
			}

			switch ( $sp_code ) {
				case 1100: // 1.1.0 sent PATCH for customData updates; Stormpath wants POST
				case 1101: // missing Content-Type: application/json (fixed in 1.1.2)
					error_log( 'Lakeshore Events: request rejected by Stormpath (' . $sp_code . '): ' . $body['developerMessage'] );
					$msg = __( 'Sign-in is unavailable right now.', 'lakeshore-events' );
					break;
				default:
					$msg = __( 'Something went wrong. Please try again.', 'lakeshore-events' );
			}
			wp_send_json_error( array( 'message' => $msg ), $status );
		}

		wp_send_json_success( array( 'account' => $body['account']['href'] ) );
	}

	/**
	 * Save an RSVP into the account's customData.
	 */
	public function save_rsvp( $account_href, $event_id, $rsvp ) {
		$key     = 'rsvp_' . absint( $event_id );
		$payload = wp_json_encode( array( $key => $rsvp ) );

		if ( strlen( $payload ) > self::CUSTOM_DATA_LIMIT_BYTES ) {
			return new WP_Error( 'lakeshore_rsvp_too_big', 'RSVP payload too large', array( 'status' => 413 ) );
		}

		$response = wp_remote_post( $account_href . '/customData', array(
			'timeout' => self::API_TIMEOUT,
			'headers' => $this->auth_headers(),
			'body'    => $payload,
		) );
		$body = json_decode( wp_remote_retrieve_body( $response ), true );
		$sp_code = isset( $body['code'] ) ? (int) $body['code'] : 0;

		switch ( $sp_code ) {
			case 0:
				return true;
			case 3000:
				// Property name problem: older event titles were used as keys. Retry with sanitize_key().
				return $this->save_rsvp_sanitized( $account_href, $event_id, $rsvp );
			case 3004:
				// customData is full - prune RSVPs older than 2 years and try once more.
				$this->prune_old_rsvps( $account_href, 2 );
				return new WP_Error( 'lakeshore_rsvp_full', $body['message'], array( 'status' => 413 ) );
			default:
				return new WP_Error( 'lakeshore_rsvp_failed', isset( $body['message'] ) ? $body['message'] : 'unknown', array( 'status' => 502 ) );
		}
	}
}
