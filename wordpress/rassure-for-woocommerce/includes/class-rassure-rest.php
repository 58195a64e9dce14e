<?php
/**
 * The plugin's REST routes, under `wc-rassure/v1` so WooCommerce's consumer-key
 * authentication applies to them (it only runs on `wc/` and `wc-` routes): the Rassure app
 * calls them with the key the merchant approved. `site` and `pages` answer what WordPress
 * otherwise serves anonymously (the /wp-json/ index, wp/v2/pages), which many shops close with a
 * security plugin; `keys/<id>` revokes a key the app no longer uses and `DELETE link` forgets
 * the app, so the wp-admin page offers to connect again.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * REST controller.
 */
class Rassure_Rest {

	const NAMESPACE_V1 = 'wc-rassure/v1';

	/** How /wc-auth describes the keys it issues to the app named "Rassure". */
	const KEY_DESCRIPTION_PREFIX = 'Rassure - API';

	/**
	 * Registers the routes (rest_api_init).
	 */
	public static function register_routes() {
		register_rest_route(
			self::NAMESPACE_V1,
			'/config',
			array(
				array(
					'methods'             => 'GET',
					'callback'            => array( __CLASS__, 'get_config' ),
					'permission_callback' => array( __CLASS__, 'can_manage' ),
				),
				array(
					'methods'             => 'POST, PUT',
					'callback'            => array( __CLASS__, 'save_config' ),
					'permission_callback' => array( __CLASS__, 'can_manage' ),
					'args'                => array(
						'config'  => array(
							'required' => true,
							'type'     => 'object',
						),
						'enabled' => array(
							'required' => false,
							'type'     => 'boolean',
							'default'  => true,
						),
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/facts',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'get_facts' ),
				'permission_callback' => array( __CLASS__, 'can_manage' ),
				'args'                => array(
					'orders_after' => array(
						'required'          => true,
						'type'              => 'string',
						'validate_callback' => array( 'Rassure_Facts', 'is_valid_date' ),
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/link',
			array(
				array(
					'methods'             => 'POST',
					'callback'            => array( __CLASS__, 'save_link' ),
					'permission_callback' => array( __CLASS__, 'can_manage' ),
					'args'                => array(
						'admin_secret' => array(
							'required' => true,
							'type'     => 'string',
						),
						'app_url'      => array(
							'required' => true,
							'type'     => 'string',
						),
						'shop'         => array(
							'required' => true,
							'type'     => 'string',
						),
					),
				),
				array(
					'methods'             => 'DELETE',
					'callback'            => array( __CLASS__, 'delete_link' ),
					'permission_callback' => array( __CLASS__, 'can_manage' ),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/site',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'get_site' ),
				'permission_callback' => array( __CLASS__, 'can_manage' ),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/pages',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'get_pages' ),
				'permission_callback' => array( __CLASS__, 'can_manage' ),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/keys/(?P<id>\d+)',
			array(
				'methods'             => 'DELETE',
				'callback'            => array( __CLASS__, 'revoke_key' ),
				'permission_callback' => array( __CLASS__, 'can_manage' ),
				'args'                => array(
					'id' => array(
						'required' => true,
						'type'     => 'integer',
					),
				),
			)
		);
	}

	/**
	 * Only a user who manages WooCommerce (the owner of the approved key) may change the plugin.
	 *
	 * @return bool|WP_Error
	 */
	public static function can_manage() {
		if ( current_user_can( 'manage_woocommerce' ) ) {
			return true;
		}
		return new WP_Error( 'rassure_forbidden', __( 'Sorry, you are not allowed to manage Rassure.', 'rassure-for-woocommerce' ), array( 'status' => is_user_logged_in() ? 403 : 401 ) );
	}

	/**
	 * GET /config.
	 *
	 * @return WP_REST_Response
	 */
	public static function get_config() {
		$stored = get_option( Rassure_Options::CONFIG );
		return rest_ensure_response(
			array(
				'config'  => is_array( $stored ) && isset( $stored['config'] ) ? $stored['config'] : null,
				'enabled' => is_array( $stored ) && ! empty( $stored['enabled'] ),
			)
		);
	}

	/**
	 * POST /config: stores the published configuration.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function save_config( $request ) {
		$config = $request->get_param( 'config' );
		if ( ! is_array( $config ) ) {
			return new WP_Error( 'rest_invalid_param', __( 'Invalid parameter(s): config', 'rassure-for-woocommerce' ), array( 'status' => 400 ) );
		}
		$encoded = wp_json_encode( $config );
		if ( false === $encoded || strlen( $encoded ) > Rassure_Options::MAX_CONFIG_BYTES ) {
			return new WP_Error( 'rassure_config_too_large', __( 'The configuration is too large.', 'rassure-for-woocommerce' ), array( 'status' => 413 ) );
		}
		$updated_at = Rassure_Options::save_config( $config, (bool) $request->get_param( 'enabled' ) );
		return rest_ensure_response(
			array(
				'saved'      => true,
				'updated_at' => $updated_at,
			)
		);
	}

	/**
	 * GET /facts: what the trust checklist reads, in one response (see Rassure_Facts).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function get_facts( $request ) {
		$after = $request->get_param( 'orders_after' );
		if ( ! Rassure_Facts::is_valid_date( $after ) ) {
			return new WP_Error( 'rest_invalid_param', __( 'Invalid parameter(s): orders_after', 'rassure-for-woocommerce' ), array( 'status' => 400 ) );
		}
		return rest_ensure_response( Rassure_Facts::collect( $after ) );
	}

	/**
	 * GET /site: the fields of the REST index the app reads, with the values WordPress puts there.
	 *
	 * @return WP_REST_Response
	 */
	public static function get_site() {
		return rest_ensure_response(
			array(
				'name'            => (string) get_option( 'blogname' ),
				'home'            => (string) home_url(),
				'timezone_string' => (string) get_option( 'timezone_string' ),
				'namespaces'      => array_values( array_map( 'strval', rest_get_server()->get_namespaces() ) ),
			)
		);
	}

	/**
	 * GET /pages: the published pages as wp/v2/pages lists them (first 100), dispatched inside
	 * WordPress for the key's user, with that route's own permission checks.
	 *
	 * @return WP_REST_Response
	 */
	public static function get_pages() {
		$request = new WP_REST_Request( 'GET', '/wp/v2/pages' );
		$request->set_query_params(
			array(
				'per_page' => 100,
				'status'   => 'publish',
			)
		);
		$response = rest_do_request( $request );
		return new WP_REST_Response( rest_get_server()->response_to_data( $response, false ), $response->get_status() );
	}

	/**
	 * DELETE /keys/<id>: deletes one of Rassure's REST API keys (WooCommerce › Settings ›
	 * Advanced › REST API, table woocommerce_api_keys), e.g. the key an earlier connection used.
	 * Only a key WooCommerce's /wc-auth issued to the Rassure app (described "Rassure - API (date)"),
	 * and only one the current user may manage: their own, or another user's when they may edit that user (WooCommerce's own rule for revoking keys).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function revoke_key( $request ) {
		global $wpdb;
		$key_id = absint( $request->get_param( 'id' ) );
		$key    = $wpdb->get_row( $wpdb->prepare( "SELECT key_id, user_id, description FROM {$wpdb->prefix}woocommerce_api_keys WHERE key_id = %d", $key_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- WooCommerce keeps keys in its own table, with no API to delete one.
		if ( ! $key ) {
			return new WP_Error( 'rassure_key_not_found', __( 'No such REST API key.', 'rassure-for-woocommerce' ), array( 'status' => 404 ) );
		}
		if ( 0 !== strpos( (string) $key->description, self::KEY_DESCRIPTION_PREFIX ) ) {
			return new WP_Error( 'rassure_not_our_key', __( 'This key was not issued to Rassure.', 'rassure-for-woocommerce' ), array( 'status' => 403 ) );
		}
		$owner = (int) $key->user_id;
		if ( get_current_user_id() !== $owner && ! current_user_can( 'edit_user', $owner ) ) {
			return new WP_Error( 'rassure_forbidden', __( 'Sorry, you are not allowed to revoke this key.', 'rassure-for-woocommerce' ), array( 'status' => 403 ) );
		}
		$wpdb->delete( $wpdb->prefix . 'woocommerce_api_keys', array( 'key_id' => $key_id ), array( '%d' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		return rest_ensure_response( array( 'revoked' => $key_id ) );
	}

	/**
	 * DELETE /link: the app was disconnected; the wp-admin page offers to connect again.
	 *
	 * @return WP_REST_Response
	 */
	public static function delete_link() {
		Rassure_Options::delete_link();
		return rest_ensure_response( array( 'linked' => false ) );
	}

	/**
	 * POST /link: the app hands over the secret for wp-admin entry tokens and its URL.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function save_link( $request ) {
		$secret  = (string) $request->get_param( 'admin_secret' );
		$app_url = esc_url_raw( (string) $request->get_param( 'app_url' ), array( 'https', 'http' ) );
		$shop    = sanitize_text_field( (string) $request->get_param( 'shop' ) );
		if ( strlen( $secret ) < 32 || strlen( $secret ) > 200 || '' === $app_url || '' === $shop ) {
			return new WP_Error( 'rest_invalid_param', __( 'Invalid parameter(s): admin_secret, app_url, shop', 'rassure-for-woocommerce' ), array( 'status' => 400 ) );
		}
		Rassure_Options::save_link( $secret, $app_url, $shop );
		return rest_ensure_response( array( 'linked' => true ) );
	}
}
