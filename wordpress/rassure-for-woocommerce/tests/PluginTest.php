<?php
/**
 * Storefront placement, tracking display, the wp-admin token and uninstall.
 *
 * @package Rassure
 */

use PHPUnit\Framework\TestCase;

class PluginTest extends TestCase {

	protected function setUp(): void {
		$GLOBALS['rassure_test']['options'] = array();
		$GLOBALS['rassure_test']['actions'] = array();
		$GLOBALS['rassure_test']['is_product'] = false;
		Rassure_Storefront::reset();
	}

	public function test_hooks_classic_templates_and_blocks() {
		Rassure_Storefront::init();
		Rassure_Tracking::init();
		$actions = $GLOBALS['rassure_test']['actions'];
		$this->assertSame( 35, $actions['woocommerce_single_product_summary'][0][1], 'just under the add-to-cart button (priority 30)' );
		foreach ( array( 'woocommerce_after_cart_table', 'woocommerce_review_order_before_payment', 'wp_footer', 'render_block', 'woocommerce_order_details_after_order_table', 'woocommerce_email_order_meta' ) as $hook ) {
			$this->assertArrayHasKey( $hook, $actions, $hook );
		}
	}

	/**
	 * A single product page as a theme renders it: WooCommerce's own callbacks on the summary
	 * (the add-to-cart template at 30 fires the add-to-cart form hooks), then what the theme fires.
	 *
	 * @param string[] $fired    Hooks the theme fires, in order.
	 * @param string[] $blocks   Blocks of a block template, each passed through render_block.
	 * @return string The page's output.
	 */
	private function product_page( array $fired, array $blocks = array() ) {
		Rassure_Storefront::init();
		$GLOBALS['rassure_test']['is_product'] = true;
		add_action(
			'woocommerce_single_product_summary',
			static function () {
				echo '<form class="cart">add to cart</form>';
				do_action( 'woocommerce_after_add_to_cart_form' );
			},
			30
		);
		ob_start();
		foreach ( $fired as $hook ) {
			do_action( $hook );
		}
		foreach ( $blocks as $name ) {
			echo apply_filters( 'render_block', '<div class="wp-block-' . $name . '"></div>', array( 'blockName' => $name ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- test output.
		}
		return (string) ob_get_clean();
	}

	private function publish_product_blocks() {
		Rassure_Options::save_config( array( 'promises' => array( 'enabled' => true, 'items' => array( array( 'kind' => 'custom', 'icon' => 'gift', 'title' => array( 'en' => 'Gift wrap', 'fr' => 'Emballage cadeau' ), 'text' => array() ) ) ) ), true );
	}

	public function test_product_blocks_render_once_whichever_hooks_the_theme_fires() {
		$themes = array(
			'classic theme (summary hooks)'                => array( array( 'woocommerce_before_single_product_summary', 'woocommerce_single_product_summary', 'woocommerce_after_single_product_summary', 'wp_footer' ), array() ),
			'custom theme calling the add-to-cart form'   => array( array( 'woocommerce_after_add_to_cart_form', 'wp_footer' ), array() ),
			'custom theme with only the after-summary hook' => array( array( 'woocommerce_after_single_product_summary' ), array() ),
			'block theme, add-to-cart form block'         => array( array(), array( 'woocommerce/add-to-cart-form' ) ),
			'block theme, add-to-cart with options block' => array( array(), array( 'woocommerce/product-price', 'woocommerce/add-to-cart-with-options' ) ),
		);
		foreach ( $themes as $label => $theme ) {
			$GLOBALS['rassure_test']['actions'] = array();
			Rassure_Storefront::reset();
			$this->publish_product_blocks();
			$html = $this->product_page( $theme[0], $theme[1] );
			$this->assertSame( 1, substr_count( $html, 'rassure--promises' ), $label );
		}
	}

	public function test_product_blocks_follow_the_add_to_cart_form_in_a_classic_theme() {
		$this->publish_product_blocks();
		$html = $this->product_page( array( 'woocommerce_single_product_summary' ) );
		$this->assertLessThan( strpos( $html, 'rassure--promises' ), strpos( $html, '<form class="cart">' ) );
	}

	public function test_the_form_hooks_outside_a_product_page_render_nothing() {
		$this->publish_product_blocks();
		Rassure_Storefront::init();
		$GLOBALS['rassure_test']['is_product'] = false;
		ob_start();
		do_action( 'woocommerce_after_add_to_cart_form' );
		do_action( 'woocommerce_after_single_product_summary' );
		$this->assertSame( '', ob_get_clean(), 'a shop-loop add-to-cart form is not the product page' );
		$GLOBALS['rassure_test']['is_product'] = true;
		ob_start();
		do_action( 'woocommerce_after_add_to_cart_form' );
		$this->assertStringContainsString( 'rassure--promises', (string) ob_get_clean() );
	}

	public function test_block_hooks_also_anchor_on_the_newer_add_to_cart_block() {
		$meta = json_decode( file_get_contents( dirname( __DIR__ ) . '/blocks/reassurance/block.json' ), true );
		$this->assertSame( 'after', $meta['blockHooks']['woocommerce/add-to-cart-with-options'] );
	}

	public function test_a_place_renders_once_and_only_when_published() {
		$context = array( 'shop' => array(), 'lang' => 'en', 'timezone' => 'UTC', 'now' => 0, 'block_id' => 'wc' );
		$this->assertSame( '', Rassure_Storefront::place_html( 'cart', $context ) );
		Rassure_Options::save_config( array( 'promises' => array( 'enabled' => true, 'items' => array( array( 'kind' => 'custom', 'icon' => 'gift', 'title' => array( 'en' => 'Gift wrap', 'fr' => 'Emballage' ), 'text' => array() ) ) ) ), true );
		Rassure_Storefront::reset();
		$html = Rassure_Storefront::place_html( 'cart', $context );
		$this->assertStringContainsString( '<span class="rassure__label">Gift wrap</span>', $html );
		$this->assertSame( '', Rassure_Storefront::place_html( 'cart', $context ), 'classic hook and block filter never both render' );
	}

	public function test_block_hooks_place_the_block_after_the_add_to_cart_form() {
		$meta = json_decode( file_get_contents( dirname( __DIR__ ) . '/blocks/reassurance/block.json' ), true );
		$this->assertSame( 'rassure/reassurance', $meta['name'] );
		$this->assertSame( 'after', $meta['blockHooks']['woocommerce/add-to-cart-form'] );
		Rassure_Storefront::register_block();
		$this->assertArrayHasKey( dirname( __DIR__ ) . '/blocks/reassurance', $GLOBALS['rassure_test']['blocks'] );
		Rassure_Options::save_config( array( 'promises' => array( 'enabled' => true, 'items' => array( array( 'kind' => 'custom', 'icon' => 'gift', 'title' => array( 'en' => 'Gift wrap', 'fr' => 'Emballage cadeau' ), 'text' => array() ) ) ) ), true );
		$this->assertSame( '', Rassure_Storefront::render_hooked_block( array( 'place' => 'nowhere' ) ) );
		// The live shop context (WordPress locale fr_FR here), then the French text of the block.
		$this->assertStringContainsString( '<span class="rassure__label">Emballage cadeau</span>', Rassure_Storefront::render_hooked_block( array( 'place' => 'cart' ) ) );
	}

	public function test_every_tag_and_attribute_the_blocks_print_survives_wp_kses() {
		$config = json_decode( file_get_contents( __DIR__ . '/fixtures/full-config.json' ), true );
		Rassure_Options::save_config( $config, true );
		$context = array(
			'shop'     => array( 'payment_types' => array( 'visa', 'paypal' ), 'policies' => array( array( 'handle' => 'refund_policy', 'title' => 'Retours', 'url' => '/retours' ) ), 'money_format' => '{{amount}} €' ),
			'lang'     => 'fr',
			'timezone' => 'Europe/Paris',
			'now'      => 1795427400,
			'block_id' => 'wc',
		);
		$printed = '';
		foreach ( array_keys( Rassure_Storefront::PLACES ) as $place ) {
			$html = Rassure_Storefront::place_html( $place, $context );
			$this->assertNotSame( '', $html, $place );
			$printed .= $html;
		}
		$this->assertSame( $printed, wp_kses( $printed, Rassure_Storefront::allowed_html() ) );
		$tracking = Rassure_Tracking::html( array( array( 'number' => '1', 'carrier' => 'X', 'url' => 'https://x.example/1' ) ), 'en', Rassure_Renderer::for_language( 'en' ) );
		$this->assertSame( $tracking, wp_kses( $tracking, Rassure_Storefront::allowed_html() ) );
	}

	public function test_block_filter_appends_only_after_its_anchor() {
		$this->assertSame( '<p>x</p>', Rassure_Storefront::filter_block( '<p>x</p>', array( 'blockName' => 'core/paragraph' ) ) );
		$this->assertSame( '<p>x</p>', Rassure_Storefront::filter_block( '<p>x</p>', array( 'blockName' => null ) ) );
	}

	public function test_tracking_shows_only_https_links_escaped() {
		$entries = Rassure_Tracking::entries(
			array(
				array( 'number' => '6A123<b>', 'carrier' => 'Colissimo', 'url' => 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A123&x=1' ),
				array( 'number' => 'X', 'carrier' => 'Evil', 'url' => 'javascript:alert(1)' ),
				'garbage',
			)
		);
		$this->assertCount( 1, $entries );
		$html = Rassure_Tracking::html( $entries, 'fr', Rassure_Renderer::for_language( 'fr' ) );
		$this->assertStringContainsString( 'Suivi de votre colis', $html );
		$this->assertStringContainsString( 'href="https://www.laposte.fr/outils/suivre-vos-envois?code=6A123&#038;x=1"', $html );
		$this->assertStringContainsString( 'Colissimo 6A123&lt;b&gt;', $html );
		$this->assertStringContainsString( "Colissimo 6A123<b> : https://www.laposte.fr/outils/suivre-vos-envois?code=6A123&x=1\n", Rassure_Tracking::text( $entries, 'fr' ) );
		$this->assertSame( '', Rassure_Tracking::html( array(), 'en', Rassure_Renderer::for_language( 'en' ) ) );
	}

	public function test_admin_token_is_short_lived_and_signed() {
		$token = Rassure_Admin::token( str_repeat( 's', 43 ), 'savonnerie.example', 3, 1000 );
		list( $body, $mac ) = explode( '.', $token );
		$payload = json_decode( base64_decode( strtr( $body, '-_', '+/' ) ), true );
		$this->assertSame( array( 'purpose' => 'wp-admin', 'exp' => 1300, 'shop' => 'savonnerie.example', 'user' => 3 ), $payload );
		$this->assertSame( rtrim( strtr( base64_encode( hash_hmac( 'sha256', $body, str_repeat( 's', 43 ), true ) ), '+/', '-_' ), '=' ), $mac );
		$this->assertNull( Rassure_Admin::frame_url( null, 3, 'fr', 1000 ) );
		$url = Rassure_Admin::frame_url( array( 'admin_secret' => 'k', 'app_url' => 'https://app.example/woocommerce/admin', 'shop' => 'savonnerie.example' ), 3, 'fr', 1000 );
		$this->assertStringStartsWith( 'https://app.example/woocommerce/admin?store=savonnerie.example&token=', $url );
		$this->assertStringEndsWith( '&locale=fr', $url );
	}

	public function test_declares_hpos_and_cart_checkout_blocks_compatibility() {
		require_once __DIR__ . '/shims/class-features-util.php';
		require dirname( __DIR__ ) . '/rassure-for-woocommerce.php';
		$init = $GLOBALS['rassure_test']['actions']['before_woocommerce_init'][0][0];
		call_user_func( $init );
		$declared = \Automattic\WooCommerce\Utilities\FeaturesUtil::$declared;
		$this->assertTrue( $declared['custom_order_tables'][ RASSURE_WC_FILE ] );
		$this->assertTrue( $declared['cart_checkout_blocks'][ RASSURE_WC_FILE ] );
		$this->assertArrayHasKey( 'plugins_loaded', $GLOBALS['rassure_test']['actions'] );
	}

	public function test_uninstall_removes_the_options() {
		Rassure_Options::save_config( array( 'bar' => array() ), true );
		Rassure_Options::save_link( str_repeat( 'k', 43 ), 'https://app.example', 'shop' );
		define( 'WP_UNINSTALL_PLUGIN', true );
		require dirname( __DIR__ ) . '/uninstall.php';
		$this->assertSame( array(), $GLOBALS['rassure_test']['options'] );
	}
}
