<?php
/**
 * wc-rassure/v1/legal-pages: a draft page to review, then publication into the page the shop
 * uses (its address kept, the previous text returned) or as the shop's new page, set in the
 * shop's own setting; capabilities checked; content filtered as WordPress filters posts.
 *
 * @package Rassure
 */

use PHPUnit\Framework\TestCase;

class LegalPagesTest extends TestCase {

	protected function setUp(): void {
		$GLOBALS['rassure_test']['options'] = array();
		$GLOBALS['rassure_test']['routes']  = array();
		$GLOBALS['rassure_test']['posts']   = array();
		$GLOBALS['rassure_test']['caps']    = array( 'manage_woocommerce', 'edit_pages', 'publish_pages' );
		$GLOBALS['rassure_test']['user']    = 3;
	}

	private function save( $kind, $status, $content = '<h2>CGV</h2><p>Prix TTC.</p>' ) {
		return Rassure_Legal_Pages::save_page( new WP_REST_Request( array( 'kind' => $kind, 'title' => 'Conditions générales de vente', 'content' => $content, 'status' => $status ) ) );
	}

	public function test_the_route_lives_under_wc_rassure_and_writing_needs_page_capabilities() {
		Rassure_Legal_Pages::register_routes();
		$route = $GLOBALS['rassure_test']['routes']['wc-rassure/v1/legal-pages'];
		$this->assertSame( array( 'Rassure_Rest', 'can_manage' ), $route[0]['permission_callback'] );
		$this->assertSame( array( 'Rassure_Legal_Pages', 'can_edit_pages' ), $route[1]['permission_callback'] );
		$this->assertTrue( Rassure_Legal_Pages::can_edit_pages() );
		$GLOBALS['rassure_test']['caps'] = array( 'manage_woocommerce' );
		$this->assertSame( 403, Rassure_Legal_Pages::can_edit_pages()->data['status'] );
		$GLOBALS['rassure_test']['caps'] = array();
		$GLOBALS['rassure_test']['user'] = 0;
		$this->assertSame( 401, Rassure_Legal_Pages::can_edit_pages()->data['status'] );
	}

	public function test_a_draft_then_publication_as_the_shops_terms_page() {
		$draft = $this->save( 'terms-of-sale', 'draft' )->data;
		$this->assertSame( 'draft', $draft['status'] );
		$this->assertSame( 0, (int) get_option( 'woocommerce_terms_page_id', 0 ), 'a draft is not the shop\'s page yet' );
		$again = $this->save( 'terms-of-sale', 'draft', '<p>v2</p>' )->data;
		$this->assertSame( $draft['page_id'], $again['page_id'], 'one pending draft per kind' );

		$published = $this->save( 'terms-of-sale', 'publish' )->data;
		$this->assertSame( $draft['page_id'], $published['page_id'] );
		$this->assertSame( 'publish', $published['status'] );
		$this->assertSame( '', $published['previous_content'] );
		$this->assertSame( $draft['page_id'], (int) get_option( 'woocommerce_terms_page_id' ) );
		$read = Rassure_Legal_Pages::get_page( new WP_REST_Request( array( 'kind' => 'terms-of-sale' ) ) )->data;
		$this->assertSame( $draft['page_id'], $read['page']['page_id'] );
		$this->assertNull( $read['draft'] );
	}

	public function test_publishing_over_an_existing_page_keeps_its_address_and_returns_the_old_text() {
		$existing = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Retours', 'post_content' => '<p>14 jours pour changer d’avis.</p>' ) );
		update_option( 'woocommerce_refund_returns_page_id', $existing );
		$draft     = $this->save( 'refund', 'draft', '<h2>Rétractation</h2>' )->data;
		$published = $this->save( 'refund', 'publish', '<h2>Rétractation</h2>' )->data;
		$this->assertSame( $existing, $published['page_id'] );
		$this->assertSame( '<p>14 jours pour changer d’avis.</p>', $published['previous_content'] );
		$this->assertSame( '<h2>Rétractation</h2>', get_post( $existing )->post_content );
		$this->assertSame( 'trash', get_post( $draft['page_id'] )->post_status, 'the reviewed draft is not left behind' );
	}

	public function test_kinds_without_a_wordpress_setting_are_remembered_by_rassure() {
		$published = $this->save( 'legal-notice', 'publish', '<h2>Mentions légales</h2>' )->data;
		$this->assertSame( $published['page_id'], Rassure_Legal_Pages::shop_page_id( 'legal-notice' ) );
		wp_trash_post( $published['page_id'] );
		$this->assertSame( 0, Rassure_Legal_Pages::shop_page_id( 'legal-notice' ), 'a trashed page is no longer the shop\'s' );
	}

	public function test_refuses_bad_input_and_filters_scripts() {
		$this->assertSame( 400, Rassure_Legal_Pages::save_page( new WP_REST_Request( array( 'kind' => 'cookies', 'title' => 'x', 'content' => '', 'status' => 'draft' ) ) )->data['status'] );
		$this->assertSame( 400, Rassure_Legal_Pages::save_page( new WP_REST_Request( array( 'kind' => 'privacy', 'title' => 'x', 'content' => '', 'status' => 'pending' ) ) )->data['status'] );
		$this->assertSame( 413, $this->save( 'privacy', 'draft', str_repeat( 'x', Rassure_Legal_Pages::MAX_CONTENT_BYTES + 1 ) )->data['status'] );
		$page = $this->save( 'privacy', 'draft', '<p onclick="steal()">Hi</p><script>alert(1)</script>' )->data;
		$this->assertSame( '<p>Hi</p>', $page['content'] );
	}
}
