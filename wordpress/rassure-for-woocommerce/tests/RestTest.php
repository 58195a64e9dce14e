<?php
/**
 * The wc-rassure/v1 routes: registration with explicit permission callbacks, authorisation,
 * validation and storage.
 *
 * @package Rassure
 */

use PHPUnit\Framework\TestCase;

class RestTest extends TestCase {

	protected function setUp(): void {
		$GLOBALS['rassure_test']['options'] = array();
		$GLOBALS['rassure_test']['routes']  = array();
		$GLOBALS['rassure_test']['caps']    = array();
		$GLOBALS['rassure_test']['user']    = 0;
	}

	public function test_routes_live_under_a_wc_namespace_with_permission_callbacks() {
		Rassure_Rest::register_routes();
		$this->assertSame( array( 'wc-rassure/v1/config', 'wc-rassure/v1/facts', 'wc-rassure/v1/link' ), array_keys( $GLOBALS['rassure_test']['routes'] ) );
		foreach ( $GLOBALS['rassure_test']['routes'] as $endpoints ) {
			foreach ( $endpoints as $endpoint ) {
				$this->assertSame( array( 'Rassure_Rest', 'can_manage' ), $endpoint['permission_callback'] );
			}
		}
	}

	public function test_only_shop_managers_may_call_them() {
		$refused = Rassure_Rest::can_manage();
		$this->assertInstanceOf( WP_Error::class, $refused );
		$this->assertSame( 401, $refused->data['status'] );
		$GLOBALS['rassure_test']['user'] = 7;
		$this->assertSame( 403, Rassure_Rest::can_manage()->data['status'] );
		$GLOBALS['rassure_test']['caps'] = array( 'manage_woocommerce' );
		$this->assertTrue( Rassure_Rest::can_manage() );
	}

	public function test_saves_the_published_configuration() {
		$response = Rassure_Rest::save_config( new WP_REST_Request( array( 'config' => array( 'bar' => array( 'enabled' => true ) ), 'enabled' => true ) ) );
		$this->assertTrue( $response->data['saved'] );
		$this->assertSame( array( 'bar' => array( 'enabled' => true ) ), Rassure_Options::config() );
		Rassure_Rest::save_config( new WP_REST_Request( array( 'config' => array( 'bar' => array() ), 'enabled' => false ) ) );
		$this->assertNull( Rassure_Options::config(), 'the master switch off hides everything' );
		$this->assertSame( array( 'config' => array( 'bar' => array() ), 'enabled' => false ), Rassure_Rest::get_config()->data );
	}

	public function test_refuses_invalid_and_oversized_configurations() {
		$this->assertSame( 400, Rassure_Rest::save_config( new WP_REST_Request( array( 'config' => 'nope' ) ) )->data['status'] );
		$huge = array( 'text' => str_repeat( 'x', Rassure_Options::MAX_CONFIG_BYTES ) );
		$this->assertSame( 413, Rassure_Rest::save_config( new WP_REST_Request( array( 'config' => $huge, 'enabled' => true ) ) )->data['status'] );
		$this->assertNull( Rassure_Options::config() );
	}

	public function test_link_needs_a_long_secret_and_a_web_url() {
		$short = Rassure_Rest::save_link( new WP_REST_Request( array( 'admin_secret' => 'short', 'app_url' => 'https://app.example/woocommerce/admin', 'shop' => 's' ) ) );
		$this->assertSame( 400, $short->data['status'] );
		$script = Rassure_Rest::save_link( new WP_REST_Request( array( 'admin_secret' => str_repeat( 'k', 43 ), 'app_url' => 'javascript:alert(1)', 'shop' => 's' ) ) );
		$this->assertSame( 400, $script->data['status'] );
		$ok = Rassure_Rest::save_link( new WP_REST_Request( array( 'admin_secret' => str_repeat( 'k', 43 ), 'app_url' => 'https://app.example/woocommerce/admin', 'shop' => 'savonnerie.example' ) ) );
		$this->assertTrue( $ok->data['linked'] );
		$this->assertSame( 'savonnerie.example', Rassure_Options::link()['shop'] );
	}
}
