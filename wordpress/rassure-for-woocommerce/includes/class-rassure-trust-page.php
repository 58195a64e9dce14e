<?php
/**
 * The public trust page on the shop's own site, inside its theme: /rassure-trust/ (on a French
 * site /rassure-confiance/; both addresses answer, so a language change never breaks a link),
 * or ?rassure_trust=1 without pretty permalinks, and the [rassure_trust_page] shortcode for a
 * page of the merchant's own. The content is Rassure_Renderer::trust_page from the published
 * configuration, the same markup as Shopify's /apps/rassure/trust. While the merchant has not
 * switched the page on, the address is the theme's ordinary 404.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Trust page endpoint.
 */
class Rassure_Trust_Page {

	const QUERY_VAR = 'rassure_trust';

	/**
	 * Address of the page per site language.
	 *
	 * @var array
	 */
	const SLUGS = array(
		'en' => 'rassure-trust',
		'fr' => 'rassure-confiance',
	);

	/** Bumped when the rewrite rules change, so they are flushed once after an update. */
	const RULES_VERSION = '1';
	const RULES_OPTION  = 'rassure_trust_rules';

	/**
	 * Hooks the page up (plugins_loaded).
	 */
	public static function init() {
		add_action( 'init', array( __CLASS__, 'add_rewrite_rules' ) );
		add_filter( 'query_vars', array( __CLASS__, 'query_vars' ) );
		add_action( 'template_redirect', array( __CLASS__, 'template_redirect' ) );
		add_shortcode( 'rassure_trust_page', array( __CLASS__, 'shortcode' ) );
	}

	/**
	 * Both addresses lead to the page; the rules are written to the database once per version
	 * (flushing on every request would be slow).
	 */
	public static function add_rewrite_rules() {
		foreach ( self::SLUGS as $slug ) {
			add_rewrite_rule( '^' . $slug . '/?$', 'index.php?' . self::QUERY_VAR . '=1', 'top' );
		}
		if ( self::RULES_VERSION !== get_option( self::RULES_OPTION ) ) {
			flush_rewrite_rules( false );
			update_option( self::RULES_OPTION, self::RULES_VERSION, true );
		}
	}

	/**
	 * Registers the page's query variable.
	 *
	 * @param string[] $vars Public query variables.
	 * @return string[]
	 */
	public static function query_vars( $vars ) {
		$vars[] = self::QUERY_VAR;
		return $vars;
	}

	/**
	 * The page's address in the site's language.
	 *
	 * @return string
	 */
	public static function url() {
		if ( '' === (string) get_option( 'permalink_structure' ) ) {
			return add_query_arg( array( self::QUERY_VAR => '1' ), home_url( '/' ) );
		}
		$lang = substr( strtolower( (string) get_locale() ), 0, 2 );
		return home_url( '/' . ( isset( self::SLUGS[ $lang ] ) ? self::SLUGS[ $lang ] : self::SLUGS['en'] ) . '/' );
	}

	/**
	 * The page's HTML for the shopper's language; '' when nothing is published or the page is off.
	 *
	 * @param array|null $context Render context (defaults to the live shop).
	 * @return string
	 */
	public static function html( $context = null ) {
		$config = Rassure_Options::config();
		if ( null === $config ) {
			return '';
		}
		$context = null === $context ? Rassure_Shop_Context::current() : $context;
		return Rassure_Renderer::for_language( $context['lang'] )->trust_page( $config, $context );
	}

	/**
	 * The [rassure_trust_page] shortcode.
	 *
	 * @return string
	 */
	public static function shortcode() {
		return Rassure_Storefront::kses( self::html() );
	}

	/**
	 * Answers the page's address, then stops WordPress (it would look for a post otherwise).
	 */
	public static function template_redirect() {
		if ( self::serve() ) {
			exit;
		}
	}

	/**
	 * Prints the page inside the theme when this request is for it.
	 *
	 * @param array|null $context Render context (defaults to the live shop).
	 * @return bool Whether the page was printed (false: not this page, or the theme's 404 follows).
	 */
	public static function serve( $context = null ) {
		if ( ! get_query_var( self::QUERY_VAR ) ) {
			return false;
		}
		$html = self::html( $context );
		if ( '' === $html ) {
			global $wp_query;
			$wp_query->set_404();
			status_header( 404 );
			nocache_headers();
			return false;
		}
		$lang  = null === $context ? substr( strtolower( determine_locale() ), 0, 2 ) : $context['lang'];
		$title = Rassure_Renderer::for_language( $lang )->t( 'rassure.trust.title' );
		add_filter(
			'pre_get_document_title',
			static function () use ( $title ) {
				return $title;
			}
		);
		add_filter(
			'body_class',
			static function ( $classes ) {
				$classes[] = 'rassure-trust-page';
				return $classes;
			}
		);
		status_header( 200 );
		$content = '<main id="main" class="site-main rassure-trust-page__main">' . Rassure_Storefront::kses( $html ) . '</main>';
		if ( function_exists( 'wp_is_block_theme' ) && wp_is_block_theme() ) {
			self::block_theme_document( $content );
		} else {
			get_header();
			echo $content; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- passed through wp_kses above.
			get_footer();
		}
		return true;
	}

	/**
	 * A block theme has no header.php/footer.php: the document is built around its header and
	 * footer template parts, as its own templates do.
	 *
	 * @param string $content Page HTML (already through wp_kses).
	 */
	private static function block_theme_document( $content ) {
		echo '<!DOCTYPE html><html ' . get_language_attributes() . '><head><meta charset="' . esc_attr( get_bloginfo( 'charset' ) ) . '"><meta name="viewport" content="width=device-width, initial-scale=1">'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- WordPress builds the attributes.
		wp_head();
		echo '</head><body class="' . esc_attr( implode( ' ', get_body_class() ) ) . '">';
		wp_body_open();
		echo '<div class="wp-site-blocks">';
		block_header_area();
		echo $content; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- passed through wp_kses.
		block_footer_area();
		echo '</div>';
		wp_footer();
		echo '</body></html>';
	}

	/**
	 * Deactivation: the addresses go away with the plugin.
	 */
	public static function deactivate() {
		delete_option( self::RULES_OPTION );
		flush_rewrite_rules( false );
	}
}
