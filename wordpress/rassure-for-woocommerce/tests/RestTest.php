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
		$GLOBALS['rassure_test']['api_keys'] = array(
			3 => (object) array( 'key_id' => 3, 'user_id' => 1, 'description' => 'Rassure - API (2025-03-14 10:00:00)' ),
			4 => (object) array( 'key_id' => 4, 'user_id' => 2, 'description' => 'Rassure - API (2025-03-15 09:00:00)' ),
			5 => (object) array( 'key_id' => 5, 'user_id' => 1, 'description' => 'Zapier - API (2025-03-15 09:00:00)' ),
			6 => (object) array( 'key_id' => 6, 'user_id' => 1, 'description' => 'Rassure Lookalike - API (2025-03-15 09:00:00)' ),
			7 => (object) array( 'key_id' => 7, 'user_id' => 1, 'description' => 'Rassure' ),
		);
	}

	public function test_routes_live_under_a_wc_namespace_with_permission_callbacks() {
		Rassure_Rest::register_routes();
		$this->assertSame( array( 'wc-rassure/v1/config', 'wc-rassure/v1/facts', 'wc-rassure/v1/link', 'wc-rassure/v1/site', 'wc-rassure/v1/pages', 'wc-rassure/v1/keys/(?P<id>\d+)' ), array_keys( $GLOBALS['rassure_test']['routes'] ) );
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

	public function test_revokes_only_rassure_keys_the_user_may_manage() {
		Rassure_Rest::register_routes();
		$route = $GLOBALS['rassure_test']['routes']['wc-rassure/v1/keys/(?P<id>\d+)'][0];
		$this->assertSame( 'DELETE', $route['methods'] );
		$this->assertSame( array( 'Rassure_Rest', 'can_manage' ), $route['permission_callback'] );
		$GLOBALS['rassure_test']['user'] = 1;
		$GLOBALS['rassure_test']['caps'] = array( 'manage_woocommerce' );

		$this->assertSame( 404, Rassure_Rest::revoke_key( new WP_REST_Request( array( 'id' => 99 ) ) )->data['status'] );
		$other_app = Rassure_Rest::revoke_key( new WP_REST_Request( array( 'id' => 5 ) ) );
		$this->assertSame( 'rassure_not_our_key', $other_app->code );
		foreach ( array( 6, 7 ) as $lookalike ) {
			$this->assertSame( 'rassure_not_our_key', Rassure_Rest::revoke_key( new WP_REST_Request( array( 'id' => $lookalike ) ) )->code, 'only "Rassure - API" keys' );
		}
		$other_user = Rassure_Rest::revoke_key( new WP_REST_Request( array( 'id' => 4 ) ) );
		$this->assertSame( 403, $other_user->data['status'] );
		$this->assertSame( array( 3, 4, 5, 6, 7 ), array_keys( $GLOBALS['rassure_test']['api_keys'] ) );

		$this->assertSame( array( 'revoked' => 3 ), Rassure_Rest::revoke_key( new WP_REST_Request( array( 'id' => '3' ) ) )->data );
		$GLOBALS['rassure_test']['caps'][] = 'edit_user:2';
		$this->assertSame( array( 'revoked' => 4 ), Rassure_Rest::revoke_key( new WP_REST_Request( array( 'id' => 4 ) ) )->data );
		$this->assertSame( array( 5, 6, 7 ), array_keys( $GLOBALS['rassure_test']['api_keys'] ), 'other apps\' keys stay' );
	}

	public function test_disconnect_forgets_the_link_so_the_page_offers_to_connect_again() {
		Rassure_Rest::save_link( new WP_REST_Request( array( 'admin_secret' => str_repeat( 'k', 43 ), 'app_url' => 'https://app.example/woocommerce/admin', 'shop' => 'savonnerie.example' ) ) );
		$this->assertNotNull( Rassure_Admin::frame_url( Rassure_Options::link(), 1, 'fr', time() ) );
		$this->assertSame( array( 'linked' => false ), Rassure_Rest::delete_link()->data );
		$this->assertNull( Rassure_Options::link() );
		$this->assertNull( Rassure_Admin::frame_url( Rassure_Options::link(), 1, 'fr', time() ) );
	}

	public function test_site_and_pages_answer_what_the_anonymous_api_would() {
		$GLOBALS['rassure_test']['options']['blogname']        = 'Savonnerie du Vieux-Port';
		$GLOBALS['rassure_test']['options']['timezone_string'] = 'Europe/Paris';
		$GLOBALS['rassure_test']['namespaces']                 = array( 'wc/v3', 'wc-rassure/v1' );
		$this->assertSame(
			array( 'name' => 'Savonnerie du Vieux-Port', 'home' => 'https://savonnerie.example', 'timezone_string' => 'Europe/Paris', 'namespaces' => array( 'wc/v3', 'wc-rassure/v1' ) ),
			Rassure_Rest::get_site()->data
		);
		$GLOBALS['rassure_test']['internal']['/wp/v2/pages'] = function ( $request ) {
			return new WP_REST_Response( array( array( 'id' => 7, 'slug' => 'mentions-legales' ) ) );
		};
		$pages = Rassure_Rest::get_pages();
		$this->assertSame( 200, $pages->get_status() );
		$this->assertSame( array( array( 'id' => 7, 'slug' => 'mentions-legales' ) ), $pages->data );
		$this->assertSame( array( '/wp/v2/pages', array( 'per_page' => 100, 'status' => 'publish' ) ), end( $GLOBALS['rassure_test']['dispatched'] ) );
	}
}
