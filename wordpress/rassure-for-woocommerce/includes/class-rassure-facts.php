<?php
/**
 * GET wc-rassure/v1/facts: everything the Rassure trust checklist reads, in one response.
 * The REST GETs the app would otherwise send one by one (system status, settings groups,
 * payment gateways, shipping zones with their locations and methods, recent orders, published
 * pages, the REST index) are dispatched inside WordPress with rest_do_request: the current user
 * is the owner of the approved key and every route still runs its own permission check. Each
 * route's status and body come back as they would have over HTTP, so the app parses them with
 * the same code. The list is fixed here, never taken from the request; it mirrors
 * adapters/woocommerce/checklist-facts.ts, and VERSION changes when it does.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Batched read for the checklist.
 */
class Rassure_Facts {

	const VERSION         = 1;
	const SETTINGS_GROUPS = array( 'general', 'advanced', 'tax', 'account', 'products', 'email' );
	/** As many pages of 100 orders as the app reads over REST. */
	const MAX_ORDER_PAGES = 5;

	/**
	 * The `orders_after` parameter: an ISO 8601 date-time to the second, as WooCommerce's `after` takes it.
	 *
	 * @param mixed $value Parameter.
	 * @return bool
	 */
	public static function is_valid_date( $value ) {
		return is_string( $value ) && 1 === preg_match( '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\z/', $value );
	}

	/**
	 * Every route's answer, keyed by route.
	 *
	 * @param string $orders_after Orders created after this date-time.
	 * @return array{version:int, responses:array<string, array{status:int, body:mixed}>}
	 */
	public static function collect( $orders_after ) {
		$responses = array(
			'/' => array(
				'status' => 200,
				'body'   => self::site_index(),
			),
		);
		$routes    = array( '/wc/v3/system_status' );
		foreach ( self::SETTINGS_GROUPS as $group ) {
			$routes[] = '/wc/v3/settings/' . $group;
		}
		$routes[] = '/wc/v3/payment_gateways';
		$routes[] = '/wc/v3/shipping/zones';
		foreach ( $routes as $route ) {
			$responses[ $route ] = self::part( self::get( $route ) );
		}
		$zones = $responses['/wc/v3/shipping/zones'];
		if ( 200 === $zones['status'] && is_array( $zones['body'] ) ) {
			foreach ( $zones['body'] as $zone ) {
				if ( ! is_array( $zone ) || ! isset( $zone['id'] ) || ! is_numeric( $zone['id'] ) ) {
					continue;
				}
				// An integer, so nothing but a zone id ever lands in the route.
				$zone_id = (int) $zone['id'];
				foreach ( array( 'locations', 'methods' ) as $sub ) {
					$route               = '/wc/v3/shipping/zones/' . $zone_id . '/' . $sub;
					$responses[ $route ] = self::part( self::get( $route ) );
				}
			}
		}
		$responses['/wc/v3/orders'] = self::recent_orders( $orders_after );
		$responses['/wp/v2/pages']  = self::part(
			self::get(
				'/wp/v2/pages',
				array(
					'per_page' => 100,
					'status'   => 'publish',
				)
			)
		);
		return array(
			'version'   => self::VERSION,
			'responses' => $responses,
		);
	}

	/**
	 * The orders created after a date, newest first, pages merged; a failing page is returned as it failed.
	 *
	 * @param string $after Date-time.
	 * @return array{status:int, body:mixed}
	 */
	private static function recent_orders( $after ) {
		$orders = array();
		for ( $page = 1; $page <= self::MAX_ORDER_PAGES; $page++ ) {
			$response = self::get(
				'/wc/v3/orders',
				array(
					'after'    => $after,
					'orderby'  => 'date',
					'order'    => 'desc',
					'per_page' => 100,
					'page'     => $page,
				)
			);
			$part     = self::part( $response );
			if ( 200 !== $part['status'] || ! is_array( $part['body'] ) ) {
				return $part;
			}
			$orders  = array_merge( $orders, array_values( $part['body'] ) );
			$headers = $response->get_headers();
			$total   = isset( $headers['X-WP-TotalPages'] ) ? (int) $headers['X-WP-TotalPages'] : 1;
			if ( $page >= $total ) {
				break;
			}
		}
		return array(
			'status' => 200,
			'body'   => $orders,
		);
	}

	/**
	 * One GET dispatched inside WordPress.
	 *
	 * @param string $route Route.
	 * @param array  $query Query parameters.
	 * @return WP_REST_Response
	 */
	private static function get( $route, $query = array() ) {
		$request = new WP_REST_Request( 'GET', $route );
		$request->set_query_params( $query );
		return rest_do_request( $request );
	}

	/**
	 * A route's status and body as the REST server would have sent them (errors become {code, message, data}).
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array{status:int, body:mixed}
	 */
	private static function part( $response ) {
		return array(
			'status' => (int) $response->get_status(),
			'body'   => rest_get_server()->response_to_data( $response, false ),
		);
	}

	/**
	 * The fields of the REST index (/wp-json/) the app reads, with the same values WordPress puts there.
	 *
	 * @return array{name:string, home:string, timezone_string:string, namespaces:string[]}
	 */
	private static function site_index() {
		return array(
			'name'            => (string) get_option( 'blogname' ),
			'home'            => (string) home_url(),
			'timezone_string' => (string) get_option( 'timezone_string' ),
			'namespaces'      => array_values( array_map( 'strval', rest_get_server()->get_namespaces() ) ),
		);
	}
}
