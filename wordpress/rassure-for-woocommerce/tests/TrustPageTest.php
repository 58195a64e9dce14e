<?php
/**
 * The plugin's trust page: its addresses, the page inside the theme (classic and block themes),
 * the theme's 404 while it is off, the shortcode, and the trust bar's link to it.
 *
 * @package Rassure
 */

use PHPUnit\Framework\TestCase;

class TrustPageTest extends TestCase {

	const HOSTILE = '<script>alert("x")</script>" onmouseover="alert(1)';

	protected function setUp(): void {
		$GLOBALS['rassure_test']['options']     = array( 'permalink_structure' => '/%postname%/' );
		$GLOBALS['rassure_test']['actions']     = array();
		$GLOBALS['rassure_test']['query_vars']  = array();
		$GLOBALS['rassure_test']['status']      = null;
		$GLOBALS['rassure_test']['rewrites']    = array();
		$GLOBALS['rassure_test']['flushes']     = 0;
		$GLOBALS['rassure_test']['block_theme'] = false;
		$GLOBALS['rassure_test']['locale']      = 'fr_FR';
		$GLOBALS['wp_query']                    = new Rassure_Test_Query();
		Rassure_Storefront::reset();
	}

	/** A published configuration as the app sends it (toPublishedConfig), trust page on. */
	private function publish( array $trust_page = array(), array $bar = array() ) {
		$config = array(
			'promises'   => array(
				'enabled' => true,
				'heading' => array( 'en' => '', 'fr' => '' ),
				'items'   => array(
					array( 'kind' => 'returns', 'icon' => 'return', 'title' => array( 'en' => '', 'fr' => '' ), 'text' => array( 'en' => '', 'fr' => '' ), 'free_from' => 0, 'days' => 30 ),
					array( 'kind' => 'custom', 'icon' => 'gift', 'title' => array( 'en' => 'Gift wrap', 'fr' => 'Emballage cadeau' ), 'text' => array( 'en' => '', 'fr' => '' ), 'free_from' => 0, 'days' => 0 ),
				),
			),
			'contact'    => array( 'enabled' => true, 'heading' => array( 'en' => '', 'fr' => '' ), 'email' => 'bonjour@savonnerie.example', 'phone' => '', 'chat_url' => '', 'form_url' => '', 'hours' => array( 'en' => '', 'fr' => self::HOSTILE ) ),
			'company'    => array( 'name' => 'SAVONNERIE DU VIEUX PORT', 'siren' => '812345676', 'siren_display' => '812 345 676', 'checked_on' => array( 'en' => '3 December 2026', 'fr' => '3 décembre 2026' ), 'lookup_url' => 'https://annuaire-entreprises.data.gouv.fr/entreprise/812345676' ),
			'bar'        => $bar + array( 'enabled' => true, 'items' => array(), 'trust_page_link' => true ),
			'trust_page' => $trust_page + array(
				'enabled'          => true,
				'sections'         => array( 'identity', 'contact', 'promises', 'policies', 'payments', 'https', 'scan' ),
				'https_checked_on' => array( 'en' => '4 December 2026', 'fr' => '4 décembre 2026' ),
				'scan'             => array( 'grade' => 'B', 'checked_on' => array( 'en' => '4 December 2026', 'fr' => '4 décembre 2026' ) ),
			),
		);
		Rassure_Options::save_config( $config, true );
	}

	private function context( $lang = 'fr' ) {
		return array(
			'shop' => array(
				'payment_types' => array( 'cartes_bancaires', 'visa' ),
				'policies'      => array( array( 'handle' => 'refund_policy', 'title' => 'Remboursements et retours', 'url' => 'https://savonnerie.example/remboursements/' ) ),
			),
			'lang' => $lang,
		);
	}

	/** Runs serve() as template_redirect would, returning [printed?, output]. */
	private function serve( $context = null ) {
		ob_start();
		$served = Rassure_Trust_Page::serve( null === $context ? $this->context() : $context );
		return array( $served, (string) ob_get_clean() );
	}

	public function test_both_addresses_lead_to_the_page_and_the_rules_are_flushed_once_per_version() {
		Rassure_Trust_Page::init();
		$this->assertSame( array( 'Rassure_Trust_Page', 'shortcode' ), $GLOBALS['rassure_test']['shortcodes']['rassure_trust_page'] );
		$this->assertContains( 'rassure_trust', apply_filters( 'query_vars', array() ) );
		Rassure_Trust_Page::add_rewrite_rules();
		Rassure_Trust_Page::add_rewrite_rules();
		$this->assertSame(
			array(
				'^rassure-trust/?$'     => 'index.php?rassure_trust=1',
				'^rassure-confiance/?$' => 'index.php?rassure_trust=1',
			),
			$GLOBALS['rassure_test']['rewrites']
		);
		$this->assertSame( 1, $GLOBALS['rassure_test']['flushes'] );
	}

	public function test_the_address_follows_the_site_language_and_the_permalink_setting() {
		$this->assertSame( 'https://savonnerie.example/rassure-confiance/', Rassure_Trust_Page::url() );
		$GLOBALS['rassure_test']['locale'] = 'en_GB';
		$this->assertSame( 'https://savonnerie.example/rassure-trust/', Rassure_Trust_Page::url() );
		$GLOBALS['rassure_test']['options']['permalink_structure'] = '';
		$this->assertSame( 'https://savonnerie.example/?rassure_trust=1', Rassure_Trust_Page::url() );
	}

	public function test_other_requests_are_left_alone() {
		$this->publish();
		list( $served, $output ) = $this->serve();
		$this->assertFalse( $served );
		$this->assertSame( '', $output );
		$this->assertNull( $GLOBALS['rassure_test']['status'] );
	}

	public function test_the_page_renders_inside_the_classic_theme_with_only_backed_facts() {
		$this->publish();
		$GLOBALS['rassure_test']['query_vars']['rassure_trust'] = '1';
		list( $served, $html ) = $this->serve();
		$this->assertTrue( $served );
		$this->assertSame( 200, $GLOBALS['rassure_test']['status'] );
		$header = strpos( $html, 'theme header' );
		$title  = strpos( $html, '<h1 class="rassure__title rassure__page-title">À qui vous achetez</h1>' );
		$footer = strpos( $html, 'theme footer' );
		$this->assertTrue( false !== $header && false !== $title && false !== $footer && $header < $title && $title < $footer, $html );
		$this->assertStringContainsString( 'SAVONNERIE DU VIEUX PORT, SIREN 812 345 676', $html );
		$this->assertStringContainsString( '<a class="rassure__label rassure__link" href="https://savonnerie.example/remboursements/">Retours sous 30 jours</a>', $html );
		$this->assertStringNotContainsString( 'Emballage cadeau', $html, 'a custom promise has no policy behind it' );
		$this->assertStringContainsString( 'La boutique est servie en HTTPS (vérifié le 4 décembre 2026).', $html );
		$this->assertStringContainsString( 'Note B, vérifiée le 4 décembre 2026.', $html );
		$this->assertStringContainsString( '<title id="pi-cartes_bancaires">Cartes Bancaires</title>', $html );
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertSame( 'À qui vous achetez', apply_filters( 'pre_get_document_title', '' ) );
		$this->assertContains( 'rassure-trust-page', apply_filters( 'body_class', array() ) );
	}

	public function test_the_sections_are_the_merchants_and_unobserved_facts_stay_out() {
		$this->publish(
			array(
				'sections'         => array( 'contact', 'https', 'scan' ),
				'https_checked_on' => null,
				'scan'             => null,
			)
		);
		$GLOBALS['rassure_test']['query_vars']['rassure_trust'] = '1';
		list( , $html ) = $this->serve( $this->context( 'en' ) );
		$this->assertStringContainsString( 'bonjour@savonnerie.example', $html );
		$this->assertStringNotContainsString( 'SIREN', $html );
		$this->assertStringNotContainsString( 'HTTPS', $html );
		$this->assertStringNotContainsString( 'Grade', $html );
		$this->assertStringNotContainsString( 'rassure-trust-policies', $html );
	}

	public function test_a_block_theme_gets_its_header_and_footer_template_parts() {
		$this->publish();
		$GLOBALS['rassure_test']['query_vars']['rassure_trust'] = '1';
		$GLOBALS['rassure_test']['block_theme']                 = true;
		list( $served, $html ) = $this->serve();
		$this->assertTrue( $served );
		$this->assertStringStartsWith( '<!DOCTYPE html><html lang="fr-FR"><head><meta charset="UTF-8">', $html );
		$this->assertStringContainsString( '<link rel="stylesheet" href="rassure.css"></head><body class="wp-theme-block rassure-trust-page"><div class="wp-site-blocks"><header class="wp-block-template-part">', $html );
		$this->assertMatchesRegularExpression( '#block header</header><main id="main" class="site-main rassure-trust-page__main"><div class="rassure rassure--page">.*</main><footer class="wp-block-template-part">block footer</footer></div>#s', $html );
	}

	public function test_while_the_page_is_off_the_address_is_the_themes_404() {
		$this->publish( array( 'enabled' => false ) );
		$GLOBALS['rassure_test']['query_vars']['rassure_trust'] = '1';
		list( $served, $html ) = $this->serve();
		$this->assertFalse( $served );
		$this->assertSame( '', $html );
		$this->assertSame( 404, $GLOBALS['rassure_test']['status'] );
		$this->assertTrue( $GLOBALS['wp_query']->is_404 );
		// Nothing published at all: the same.
		$GLOBALS['rassure_test']['options'] = array();
		$GLOBALS['wp_query']                = new Rassure_Test_Query();
		$this->assertFalse( Rassure_Trust_Page::serve( $this->context() ) );
		$this->assertTrue( $GLOBALS['wp_query']->is_404 );
	}

	public function test_the_shortcode_prints_the_page_on_a_page_of_the_merchants_own() {
		$this->publish();
		$GLOBALS['rassure_test']['options']['woocommerce_default_country'] = 'FR';
		$html = Rassure_Trust_Page::shortcode();
		$this->assertStringContainsString( '<div class="rassure rassure--page">', $html );
		$this->publish( array( 'enabled' => false ) );
		$this->assertSame( '', Rassure_Trust_Page::shortcode() );
	}

	public function test_the_trust_bar_links_to_the_page_in_the_site_language() {
		$this->publish();
		Rassure_Storefront::init();
		ob_start();
		do_action( 'wp_footer' );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( '<a class="rassure__label rassure__link" href="https://savonnerie.example/rassure-confiance/">Pourquoi nous faire confiance</a>', $html );
		$this->assertStringStartsWith( '<div class="rassure-footer"><section class="rassure rassure--contact', $html, 'the footer blocks in their own container' );
		$this->assertStringEndsWith( '</aside></div>', $html );
		// Not asked for: no link.
		Rassure_Storefront::reset();
		$this->publish( array(), array( 'trust_page_link' => false ) );
		ob_start();
		do_action( 'wp_footer' );
		$this->assertStringNotContainsString( 'rassure-confiance', (string) ob_get_clean() );
	}
}
