<?php
/**
 * The block renderer: markup contract, fallbacks, and hostile merchant values escaped.
 *
 * @package Rassure
 */

use PHPUnit\Framework\TestCase;

class RendererTest extends TestCase {

	const HOSTILE = '<script>alert("x")</script>" onmouseover="alert(1)';

	private function config() {
		return array(
			'payment'  => array( 'enabled' => true, 'heading' => array( 'en' => '', 'fr' => '' ), 'note' => array( 'en' => '', 'fr' => '' ) ),
			'promises' => array(
				'enabled' => true,
				'heading' => array( 'en' => '', 'fr' => '' ),
				'items'   => array(
					array( 'kind' => 'shipping', 'icon' => 'truck', 'title' => array( 'en' => '', 'fr' => '' ), 'text' => array( 'en' => '', 'fr' => '' ), 'free_from' => 6000, 'days' => 0 ),
					array( 'kind' => 'withdrawal', 'icon' => 'return', 'title' => array( 'en' => '', 'fr' => '' ), 'text' => array( 'en' => '', 'fr' => '' ), 'free_from' => 0, 'days' => 14 ),
				),
			),
			'contact'  => array( 'enabled' => true, 'heading' => array( 'en' => '', 'fr' => '' ), 'email' => 'bonjour@savonnerie.example', 'phone' => '+33 4 91 00 00 00', 'chat_url' => '', 'form_url' => 'javascript:alert(1)', 'hours' => array( 'en' => '', 'fr' => 'Du lundi au vendredi' ) ),
			'legal'    => array( 'enabled' => true, 'heading' => array( 'en' => '', 'fr' => '' ), 'withdrawal_form_url' => '/retractation', 'links' => array( array( 'label' => array( 'en' => 'Legal', 'fr' => 'Mentions' ), 'url' => '/mentions-legales?a=1&b=2' ) ) ),
			'bar'      => array( 'enabled' => false, 'items' => array() ),
		);
	}

	private function context() {
		return array(
			'shop'     => array(
				'origin'        => 'https://savonnerie.example',
				'payment_types' => array( 'cartes_bancaires', 'visa' ),
				'policies'      => array( array( 'handle' => 'refund_policy', 'title' => 'Retours', 'url' => '/retours' ) ),
				'money_format'  => '{{amount_with_comma_separator}} €',
			),
			'settings' => array( 'tone' => 'soft', 'alignment' => 'center' ),
			'block_id' => 'wc',
			'now'      => 1795427400,
			'timezone' => 'Europe/Paris',
		);
	}

	private function hostile( array $config ) {
		array_walk_recursive(
			$config,
			function ( &$value, $key ) {
				if ( 'en' === $key || 'fr' === $key ) {
					$value = self::HOSTILE;
				}
			}
		);
		$config['contact']['email'] = self::HOSTILE;
		$config['contact']['phone'] = self::HOSTILE;
		return $config;
	}

	public function test_payment_block_shows_the_methods_and_the_french_fallbacks() {
		$html = Rassure_Renderer::for_language( 'fr' )->render( 'payment', $this->config(), $this->context() );
		$this->assertStringStartsWith( '<section class="rassure rassure--payment rassure--tone-soft rassure--align-center" aria-labelledby="rassure-payment-wc">', $html );
		$this->assertStringContainsString( '<h2 class="rassure__title" id="rassure-payment-wc">Paiement sécurisé</h2>', $html );
		$this->assertStringContainsString( '<title id="pi-cartes_bancaires">Cartes Bancaires</title>', $html );
		$this->assertSame( 2, substr_count( $html, 'class="rassure__payment"' ) );
	}

	public function test_payment_block_claims_nothing_an_http_shop_with_bank_transfer_only_cannot_back() {
		$renderer = Rassure_Renderer::for_language( 'en' );
		$context  = $this->context();
		$context['shop']['origin']        = 'http://savonnerie.example';
		$context['shop']['payment_types'] = Rassure_Shop_Context::payment_types( array( 'bacs' ) );
		$this->assertSame( '', $renderer->render( 'payment', $this->config(), $context ) );
		$context['shop']['payment_types'] = Rassure_Shop_Context::payment_types( array( 'bacs', 'stripe' ) );
		$html = $renderer->render( 'payment', $this->config(), $context );
		$this->assertStringNotContainsString( 'ncrypt', $html );
		$this->assertStringNotContainsString( 'Secure payment', $html );
		$this->assertStringContainsString( 'Your card details go straight to the payment provider', $html );
	}

	public function test_the_live_context_says_the_scheme_actually_served() {
		$GLOBALS['rassure_test']['ssl'] = false;
		$this->assertSame( 'http://savonnerie.example', Rassure_Shop_Context::current()['shop']['origin'] );
		$GLOBALS['rassure_test']['ssl'] = true;
		$this->assertSame( 'https://savonnerie.example', Rassure_Shop_Context::current()['shop']['origin'] );
	}

	public function test_promises_use_policies_money_format_and_withdrawal_days() {
		$html = Rassure_Renderer::for_language( 'fr' )->render( 'promises', $this->config(), $this->context() );
		$this->assertStringContainsString( 'Livraison offerte dès 60,00 €', $html );
		$this->assertStringContainsString( '<a class="rassure__label rassure__link" href="/retours">Droit de rétractation de 14 jours</a>', $html );
	}

	public function test_the_shop_wide_rating_weights_each_product_by_its_ratings() {
		// Nine ratings averaging 4 and one 5: 4.1, not the 4.5 of a plain mean of the two products.
		$this->assertSame( array( 'ratingTenths' => 41, 'scaleMax' => 5, 'reviews' => 10, 'products' => 2 ), Rassure_Shop_Context::aggregate( array( array( 4.0, 9 ), array( 5.0, 1 ), array( 3.0, 0 ) ) ) );
		// The Shopify dev store's figures give the same 4.6 as adapters/reviews-aggregate.ts.
		$this->assertSame( 46, Rassure_Shop_Context::aggregate( array( array( 4.8, 37 ), array( 4.6, 12 ), array( 5.0, 1 ), array( 4.35, 23 ) ) )['ratingTenths'] );
		$this->assertSame( array( 'ratingTenths' => null, 'scaleMax' => null, 'reviews' => 0, 'products' => 0 ), Rassure_Shop_Context::aggregate( array( array( 0.0, 0 ), array( 7.0, 3 ) ) ) );
	}

	public function test_the_shop_wide_rating_is_read_only_while_the_reviews_block_is_on() {
		$GLOBALS['rassure_test']['options']         = array(
			'woocommerce_enable_reviews'       => 'yes',
			'woocommerce_enable_review_rating' => 'yes',
		);
		$GLOBALS['rassure_test']['transients']      = array();
		$GLOBALS['rassure_test']['transient_reads'] = 0;
		$GLOBALS['rassure_test']['rated_products']  = array( 11 => array( 4.0, 9 ), 12 => array( 5.0, 1 ) );
		$publish = static function ( $reviews_on ) {
			Rassure_Options::save_config( array( 'reviews' => array( 'enabled' => $reviews_on, 'heading' => array( 'en' => '', 'fr' => '' ), 'url' => '' ) ), true );
		};
		// Every page builds the context: with the block off, no cache read and no products query.
		$publish( false );
		$this->assertNull( Rassure_Shop_Context::current()['shop_reviews'] );
		$this->assertSame( 0, $GLOBALS['rassure_test']['transient_reads'] );
		$this->assertSame( array(), $GLOBALS['rassure_test']['transients'] );
		// With the block on: computed once, then served from the cache.
		$publish( true );
		$expected = array( 'ratingTenths' => 41, 'scaleMax' => 5, 'reviews' => 10, 'products' => 2 );
		$this->assertSame( $expected, Rassure_Shop_Context::current()['shop_reviews'] );
		$GLOBALS['rassure_test']['rated_products'] = array();
		$this->assertSame( $expected, Rassure_Shop_Context::current()['shop_reviews'] );
		// The checklist's facts still get the figure whatever the block (Rassure_Facts 'ratings').
		$publish( false );
		$this->assertSame( $expected, Rassure_Shop_Context::shop_reviews() );
		$GLOBALS['rassure_test']['options'] = array();
	}

	protected function tearDown(): void {
		// The shop-wide rating's cache and products: no other test inherits them.
		$GLOBALS['rassure_test']['transients']     = array();
		$GLOBALS['rassure_test']['rated_products'] = array();
	}

	public function test_a_disabled_or_missing_block_renders_nothing() {
		$renderer = Rassure_Renderer::for_language( 'en' );
		$this->assertSame( '', $renderer->render( 'trust-bar', $this->config(), $this->context() ) );
		$this->assertSame( '', $renderer->render( 'payment', null, $this->context() ) );
		$this->assertSame( '', $renderer->render( 'unknown', $this->config(), $this->context() ) );
	}

	public function test_unknown_settings_fall_back_to_the_defaults() {
		$context             = $this->context();
		$context['settings'] = array( 'tone' => '"><script>', 'alignment' => 'x' );
		$context['block_id'] = '"><img src=x>';
		$html                = Rassure_Renderer::for_language( 'en' )->render( 'contact', $this->config(), $context );
		$this->assertStringStartsWith( '<section class="rassure rassure--contact rassure--tone-plain rassure--align-start" aria-labelledby="rassure-contact-imgsrcx">', $html );
	}

	public function test_hostile_values_are_escaped_everywhere() {
		foreach ( array( 'payment', 'promises', 'contact', 'legal' ) as $handle ) {
			foreach ( array( 'en', 'fr' ) as $lang ) {
				$html = Rassure_Renderer::for_language( $lang )->render( $handle, $this->hostile( $this->config() ), $this->context() );
				$this->assertStringNotContainsString( '<script', $html, $handle );
				$this->assertStringNotContainsString( '" onmouseover', $html, $handle );
				// Parsed as a browser would: no script element, no event-handler attribute anywhere.
				$dom = new DOMDocument();
				$dom->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>', LIBXML_NOERROR );
				$this->assertSame( 0, $dom->getElementsByTagName( 'script' )->length, $handle );
				foreach ( ( new DOMXPath( $dom ) )->query( '//@*' ) as $attribute ) {
					$this->assertStringStartsNotWith( 'on', $attribute->nodeName, $handle );
				}
			}
		}
	}

	public function test_script_urls_are_dropped_and_ampersands_encoded() {
		$html = Rassure_Renderer::for_language( 'fr' )->render( 'contact', $this->config(), $this->context() );
		$this->assertStringNotContainsString( 'javascript:', $html );
		$legal = Rassure_Renderer::for_language( 'fr' )->render( 'legal', $this->config(), $this->context() );
		$this->assertStringContainsString( 'href="/mentions-legales?a=1&#038;b=2"', $legal );
	}

	public function test_money_formats() {
		$renderer = Rassure_Renderer::for_language( 'en' );
		$this->assertSame( '1.234,50 €', $renderer->money( 123450, '{{amount_with_comma_separator}} €' ) );
		$this->assertSame( '£1,234.50', $renderer->money( 123450, '£{{amount}}' ) );
		$this->assertSame( '1 235 €', $renderer->money( 123450, Rassure_Shop_Context::money_format( 'right_space', '€', ',', 0 ) ) );
	}

	public function test_payment_types_come_only_from_enabled_gateways() {
		$this->assertSame( array( 'cartes_bancaires', 'visa', 'master', 'american_express', 'paypal' ), Rassure_Shop_Context::payment_types( array( 'stripe', 'bacs', 'ppcp-gateway', 'woocommerce_payments' ) ) );
		$this->assertSame( array(), Rassure_Shop_Context::payment_types( array( 'bacs', 'cheque', 'cod' ) ) );
	}
}
