<?php
/**
 * GET wc-rassure/v1/facts: the checklist's reads dispatched inside WordPress and returned as
 * each route answered (status and body), pages of orders merged, a fixed list of routes.
 *
 * @package Rassure
 */

use PHPUnit\Framework\TestCase;

class FactsTest extends TestCase {

	protected function setUp(): void {
		$GLOBALS['rassure_test']['options']    = array(
			'blogname'        => 'Savonnerie du Vieux-Port',
			'timezone_string' => 'Europe/Paris',
		);
		$GLOBALS['rassure_test']['routes']     = array();
		$GLOBALS['rassure_test']['dispatched'] = array();
		$GLOBALS['rassure_test']['namespaces'] = array( 'wc/v3', 'wp/v2', 'wc-rassure/v1' );
		$ok                                    = function ( $body ) {
			return function () use ( $body ) {
				return new WP_REST_Response( $body );
			};
		};
		$internal                              = array(
			'/wc/v3/system_status'      => $ok( array( 'environment' => array( 'home_url' => 'https://savonnerie.example' ) ) ),
			'/wc/v3/payment_gateways'   => $ok( array( array( 'id' => 'stripe' ) ) ),
			'/wc/v3/shipping/zones'     => $ok( array( array( 'id' => 1 ), array( 'id' => '0' ), array( 'id' => '1/../../users' ), array( 'name' => 'no id' ) ) ),
			'/wp/v2/pages'              => $ok( array( array( 'id' => 10, 'slug' => 'contact' ) ) ),
			'/wc/v3/orders'             => function ( $request ) {
				$page = $request->get_param( 'page' );
				return new WP_REST_Response( array( array( 'id' => 100 + $page ) ), 200, array( 'X-WP-TotalPages' => 3 ) );
			},
		);
		foreach ( Rassure_Facts::SETTINGS_GROUPS as $group ) {
			$internal[ '/wc/v3/settings/' . $group ] = $ok( array( array( 'id' => 'woocommerce_' . $group, 'value' => 'x' ) ) );
		}
		foreach ( array( 0, 1 ) as $zone ) {
			$internal[ '/wc/v3/shipping/zones/' . $zone . '/locations' ] = $ok( array( array( 'code' => 'FR', 'type' => 'country' ) ) );
			$internal[ '/wc/v3/shipping/zones/' . $zone . '/methods' ]   = $ok( array() );
		}
		// A group this WooCommerce does not have: WordPress's error, kept as it is.
		$internal['/wc/v3/settings/products']   = function () {
			return new WP_REST_Response( array( 'code' => 'rest_setting_setting_group_invalid', 'message' => 'Invalid setting group.', 'data' => array( 'status' => 404 ) ), 404 );
		};
		$GLOBALS['rassure_test']['internal'] = $internal;
	}

	public function test_the_route_is_read_only_for_shop_managers_with_a_validated_date() {
		Rassure_Rest::register_routes();
		$endpoint = $GLOBALS['rassure_test']['routes']['wc-rassure/v1/facts'][0];
		$this->assertSame( 'GET', $endpoint['methods'] );
		$this->assertSame( array( 'Rassure_Rest', 'can_manage' ), $endpoint['permission_callback'] );
		$this->assertTrue( $endpoint['args']['orders_after']['required'] );
		$this->assertTrue( Rassure_Facts::is_valid_date( '2026-10-24T09:00:00' ) );
		foreach ( array( '2026-10-24', '2026-10-24T09:00:00Z', "2026-10-24T09:00:00\n", array(), null ) as $bad ) {
			$this->assertFalse( Rassure_Facts::is_valid_date( $bad ) );
		}
		$refused = Rassure_Rest::get_facts( new WP_REST_Request( array( 'orders_after' => '1 OR 1=1' ) ) );
		$this->assertInstanceOf( WP_Error::class, $refused );
		$this->assertSame( 400, $refused->data['status'] );
		$this->assertSame( array(), $GLOBALS['rassure_test']['dispatched'] );
	}

	public function test_answers_every_route_the_checklist_reads_with_its_status_and_body() {
		$facts = Rassure_Rest::get_facts( new WP_REST_Request( array( 'orders_after' => '2026-10-24T09:00:00' ) ) )->data;
		$this->assertSame( 1, $facts['version'] );
		$responses = $facts['responses'];
		$this->assertSame(
			array( 'name' => 'Savonnerie du Vieux-Port', 'home' => 'https://savonnerie.example', 'timezone_string' => 'Europe/Paris', 'namespaces' => array( 'wc/v3', 'wp/v2', 'wc-rassure/v1' ) ),
			$responses['/']['body']
		);
		$this->assertSame( array( 'status' => 200, 'body' => array( array( 'id' => 'stripe' ) ) ), $responses['/wc/v3/payment_gateways'] );
		$this->assertSame( 404, $responses['/wc/v3/settings/products']['status'] );
		$this->assertSame( 'rest_setting_setting_group_invalid', $responses['/wc/v3/settings/products']['body']['code'] );
		$this->assertSame( 200, $responses['/wc/v3/settings/general']['status'] );
		$this->assertSame( array( array( 'code' => 'FR', 'type' => 'country' ) ), $responses['/wc/v3/shipping/zones/0/locations']['body'] );
		$this->assertSame( array( array( 'id' => 10, 'slug' => 'contact' ) ), $responses['/wp/v2/pages']['body'] );
		// Zone ids are integers: a hostile id cannot reach another route.
		$zone_routes = preg_grep( '#^/wc/v3/shipping/zones/#', array_keys( $responses ) );
		$this->assertSame( array( '/wc/v3/shipping/zones/1/locations', '/wc/v3/shipping/zones/1/methods', '/wc/v3/shipping/zones/0/locations', '/wc/v3/shipping/zones/0/methods' ), array_values( $zone_routes ) );
		foreach ( $GLOBALS['rassure_test']['dispatched'] as $dispatched ) {
			$this->assertMatchesRegularExpression( '#^/(wc/v3/(system_status|settings/[a-z]+|payment_gateways|shipping/zones(/\d+/(locations|methods))?|orders)|wp/v2/pages)$#', $dispatched[0] );
		}
	}

	public function test_orders_are_the_pages_merged_as_the_rest_client_would_read_them() {
		$facts  = Rassure_Facts::collect( '2026-10-24T09:00:00' );
		$this->assertSame( array( 'status' => 200, 'body' => array( array( 'id' => 101 ), array( 'id' => 102 ), array( 'id' => 103 ) ) ), $facts['responses']['/wc/v3/orders'] );
		$orders = array_values( array_filter( $GLOBALS['rassure_test']['dispatched'], function ( $d ) {
			return '/wc/v3/orders' === $d[0];
		} ) );
		$this->assertCount( 3, $orders );
		$this->assertSame( array( 'after' => '2026-10-24T09:00:00', 'orderby' => 'date', 'order' => 'desc', 'per_page' => 100, 'page' => 1 ), $orders[0][1] );
	}

	public function test_at_most_five_pages_of_orders_and_a_failing_page_is_returned_as_it_failed() {
		$GLOBALS['rassure_test']['internal']['/wc/v3/orders'] = function ( $request ) {
			return new WP_REST_Response( array( array( 'id' => $request->get_param( 'page' ) ) ), 200, array( 'X-WP-TotalPages' => 40 ) );
		};
		$this->assertCount( 5, Rassure_Facts::collect( '2026-10-24T09:00:00' )['responses']['/wc/v3/orders']['body'] );

		$GLOBALS['rassure_test']['internal']['/wc/v3/orders'] = function ( $request ) {
			if ( 2 === $request->get_param( 'page' ) ) {
				return new WP_REST_Response( array( 'code' => 'woocommerce_rest_cannot_view', 'message' => 'Sorry, you cannot list resources.', 'data' => array( 'status' => 403 ) ), 403 );
			}
			return new WP_REST_Response( array( array( 'id' => 1 ) ), 200, array( 'X-WP-TotalPages' => 3 ) );
		};
		$orders = Rassure_Facts::collect( '2026-10-24T09:00:00' )['responses']['/wc/v3/orders'];
		$this->assertSame( 403, $orders['status'] );
		$this->assertSame( 'woocommerce_rest_cannot_view', $orders['body']['code'] );
	}

	public function test_zones_that_failed_add_no_sub_routes() {
		$GLOBALS['rassure_test']['internal']['/wc/v3/shipping/zones'] = function () {
			return new WP_REST_Response( array( 'code' => 'woocommerce_rest_cannot_view', 'message' => 'Sorry, you cannot list resources.', 'data' => array( 'status' => 403 ) ), 403 );
		};
		$responses = Rassure_Facts::collect( '2026-10-24T09:00:00' )['responses'];
		$this->assertSame( 403, $responses['/wc/v3/shipping/zones']['status'] );
		$this->assertSame( array(), preg_grep( '#^/wc/v3/shipping/zones/#', array_keys( $responses ) ) );
	}
}
