<?php
/**
 * GET wc-rassure/v1/facts: the checklist's reads dispatched inside WordPress and returned as
 * each route answered (status and body), pages of orders merged, a fixed list of routes.
 *
 * @package Rassure
 */

use PHPUnit\Framework\TestCase;

/*
 * WordPress functions the `site` facts use, shimmed here (guarded, so a shared bootstrap may
 * define them too): WooCommerce page ids, blocks, site transients, plugins and the theme, read
 * from $GLOBALS['rassure_facts_site']; the pages themselves live in the shared posts shim.
 */
if ( ! function_exists( 'wc_get_page_id' ) ) {
	function wc_get_page_id( $page ) {
		return isset( $GLOBALS['rassure_facts_site']['page_ids'][ $page ] ) ? $GLOBALS['rassure_facts_site']['page_ids'][ $page ] : -1;
	}
}
if ( ! function_exists( 'has_block' ) ) {
	function has_block( $name, $content ) {
		return false !== strpos( (string) $content, '<!-- wp:' . preg_replace( '#^core/#', '', $name ) );
	}
}
if ( ! function_exists( 'parse_blocks' ) ) {
	/** Flat parse of block comments (enough for the tests: attributes are what is read). */
	function parse_blocks( $content ) {
		preg_match_all( '#<!-- wp:([a-z0-9/-]+)(?: (\{.*?\}))? /?-->#s', (string) $content, $matches, PREG_SET_ORDER );
		$blocks = array();
		foreach ( $matches as $match ) {
			$blocks[] = array( 'blockName' => $match[1], 'attrs' => isset( $match[2] ) ? (array) json_decode( $match[2], true ) : array(), 'innerBlocks' => array() );
		}
		return $blocks;
	}
}
if ( ! function_exists( 'get_site_transient' ) ) {
	function get_site_transient( $name ) {
		return isset( $GLOBALS['rassure_facts_site']['transients'][ $name ] ) ? $GLOBALS['rassure_facts_site']['transients'][ $name ] : false;
	}
}
if ( ! function_exists( 'get_plugins' ) ) {
	function get_plugins() {
		return $GLOBALS['rassure_facts_site']['plugins'];
	}
}
if ( ! function_exists( 'wp_get_theme' ) ) {
	function wp_get_theme() {
		return new class() {
			public function get( $field ) {
				return $GLOBALS['rassure_facts_site']['theme'][ $field ];
			}
		};
	}
}
if ( ! function_exists( 'get_stylesheet' ) ) {
	function get_stylesheet() {
		return 'storefront';
	}
}
if ( ! function_exists( 'wp_strip_all_tags' ) ) {
	function wp_strip_all_tags( $text ) {
		return trim( strip_tags( (string) $text ) );
	}
}

class FactsTest extends TestCase {

	protected function setUp(): void {
		$GLOBALS['rassure_test']['options']    = array(
			'blogname'        => 'Savonnerie du Vieux-Port',
			'timezone_string' => 'Europe/Paris',
			'active_plugins'  => array( 'woocommerce/woocommerce.php', 'rassure-for-woocommerce/rassure-for-woocommerce.php' ),
		);
		$GLOBALS['rassure_test']['posts'] = array(
			6 => array( 'ID' => 6, 'post_type' => 'page', 'post_status' => 'publish', 'post_name' => 'panier', 'post_content' => '<!-- wp:woocommerce/cart /-->' ),
			7 => array( 'ID' => 7, 'post_type' => 'page', 'post_status' => 'publish', 'post_name' => 'commande', 'post_content' => '<!-- wp:woocommerce/checkout --><!-- wp:woocommerce/checkout-actions-block {"placeOrderButtonLabel":"Commande avec obligation de paiement"} /--><!-- /wp:woocommerce/checkout -->' ),
			8 => array( 'ID' => 8, 'post_type' => 'page', 'post_status' => 'draft', 'post_name' => 'mon-compte', 'post_content' => '[woocommerce_my_account]' ),
		);
		$checked                       = strtotime( '2026-11-23T06:00:00Z' );
		$GLOBALS['rassure_facts_site'] = array(
			'page_ids'   => array( 'cart' => 6, 'checkout' => 7, 'myaccount' => 8 ),
			'transients' => array(
				'update_core'    => (object) array(
					'last_checked' => $checked,
					'updates'      => array( (object) array( 'response' => 'upgrade', 'current' => '6.5.5', 'version' => '6.5.5' ) ),
				),
				'update_plugins' => (object) array(
					'last_checked' => $checked - 3600,
					'response'     => array( 'woocommerce/woocommerce.php' => (object) array( 'new_version' => '8.9.3' ) ),
					'no_update'    => array(),
					'checked'      => array( 'woocommerce/woocommerce.php' => '8.9.1', 'rassure-for-woocommerce/rassure-for-woocommerce.php' => '1.0.0' ),
				),
				'update_themes'  => (object) array(
					'last_checked' => $checked,
					'no_update'    => array( 'storefront' => array( 'theme' => 'storefront', 'new_version' => '4.6.0' ) ),
				),
			),
			'plugins'    => array(
				'woocommerce/woocommerce.php'                        => array( 'Version' => '8.9.1' ),
				'rassure-for-woocommerce/rassure-for-woocommerce.php' => array( 'Version' => '1.0.0' ),
			),
			'theme'      => array( 'Name' => 'Storefront', 'Version' => '4.6.0' ),
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
		$this->assertSame( 2, $facts['version'] );
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
			$this->assertMatchesRegularExpression( '#^/(wc/v3/(system_status|settings/[a-z]+|payment_gateways|shipping/zones(/\d+/(locations|methods))?|orders|products)|wp/v2/pages)$#', $dispatched[0] );
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

	public function test_reads_a_few_published_products_for_their_permalinks() {
		$facts    = Rassure_Facts::collect( '2026-10-24T09:00:00' );
		$products = array_values( array_filter( $GLOBALS['rassure_test']['dispatched'], function ( $d ) {
			return '/wc/v3/products' === $d[0];
		} ) );
		$this->assertSame( array( 'per_page' => 3, 'status' => 'publish', 'orderby' => 'date', 'order' => 'desc' ), $products[0][1] );
		$this->assertSame( 404, $facts['responses']['/wc/v3/products']['status'] ); // no such route in this test: kept as it failed
	}

	public function test_site_gives_the_real_page_urls_and_the_block_checkout_button_label() {
		$site = Rassure_Facts::site();
		$this->assertSame( array( 'cart' => 'https://savonnerie.example/panier/', 'checkout' => 'https://savonnerie.example/commande/', 'account' => null ), $site['pages'] );
		$this->assertTrue( $site['block_checkout'] );
		$this->assertSame( array( 'label' => 'Commande avec obligation de paiement', 'source' => 'Checkout block placeOrderButtonLabel' ), $site['order_button'] );

		$GLOBALS['rassure_test']['posts'][7]['post_content'] = '<!-- wp:woocommerce/checkout /-->';
		$this->assertSame( 'Place Order', Rassure_Facts::site()['order_button']['label'] ); // the block's default (translated by WordPress)

		$GLOBALS['rassure_test']['posts'][7]['post_content'] = '[woocommerce_checkout]';
		$classic = Rassure_Facts::site();
		$this->assertFalse( $classic['block_checkout'] );
		$this->assertSame( array( 'label' => 'Place order', 'source' => 'woocommerce_order_button_text' ), $classic['order_button'] );
	}

	public function test_updates_are_what_wordpress_knows_and_null_where_it_does_not() {
		$updates = Rassure_Facts::updates();
		$this->assertSame( '2026-11-23T05:00:00', $updates['checked_at'] ); // the oldest of the three checks
		$this->assertSame( array( 'version' => '6.5.3', 'latest' => '6.5.5' ), $updates['core'] );
		$this->assertSame( array( 'name' => 'Storefront', 'version' => '4.6.0', 'latest' => '4.6.0' ), $updates['theme'] );
		$this->assertSame(
			array(
				array( 'plugin' => 'woocommerce/woocommerce.php', 'version' => '8.9.1', 'latest' => '8.9.3' ),
				// Not hosted on WordPress.org: WordPress has no answer, so neither has Rassure.
				array( 'plugin' => 'rassure-for-woocommerce/rassure-for-woocommerce.php', 'version' => '1.0.0', 'latest' => null ),
			),
			$updates['plugins']
		);

		// WP-Cron never ran: no transient, nothing known, no date.
		$GLOBALS['rassure_facts_site']['transients'] = array();
		$unknown                                     = Rassure_Facts::updates();
		$this->assertNull( $unknown['checked_at'] );
		$this->assertNull( $unknown['core']['latest'] );
		$this->assertNull( $unknown['theme']['latest'] );
		$this->assertNull( $unknown['plugins'][0]['latest'] );
	}
}
