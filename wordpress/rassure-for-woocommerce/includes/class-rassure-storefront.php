<?php
/**
 * Puts the blocks on the storefront. Classic themes: WooCommerce's template hooks (under the
 * add-to-cart button, after the cart table, before the checkout payment, the footer). Themes
 * differ in which product-page hooks they fire (a custom theme may print the add-to-cart form
 * without the summary hook; a block theme fires none of the classic ones), so the product place
 * listens on several: the add-to-cart form's own hook, the summary, after the summary, and after
 * WooCommerce's add-to-cart blocks (`render_block` and the Block Hooks API). Block themes and the
 * Cart/Checkout blocks get the same blocks appended to WooCommerce's own blocks. Whichever fires
 * first renders a place; a place renders once per page. Where the blocks were really seen is
 * told by fetching a product page (the app's status), never assumed from these hooks.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Storefront integration.
 */
class Rassure_Storefront {

	/**
	 * Blocks shown in each place.
	 *
	 * @var array
	 */
	const PLACES = array(
		'product'  => array( 'payment', 'promises', 'delivery', 'partners', 'reviews' ),
		'cart'     => array( 'promises' ),
		'checkout' => array( 'payment' ),
		'footer'   => array( 'contact', 'store', 'reviews', 'legal', 'trust-bar' ),
	);

	/**
	 * WooCommerce blocks after which a place is rendered in block themes.
	 *
	 * @var array
	 */
	const BLOCK_ANCHORS = array(
		'woocommerce/add-to-cart-form'           => 'product',
		'woocommerce/add-to-cart-with-options'   => 'product',
		'woocommerce/proceed-to-checkout-block'  => 'cart',
		'woocommerce/checkout-payment-block'     => 'checkout',
	);

	/**
	 * Places already rendered in this request.
	 *
	 * @var array
	 */
	private static $rendered = array();

	/**
	 * Hooks everything up (plugins_loaded).
	 */
	public static function init() {
		add_action( 'wp_enqueue_scripts', array( __CLASS__, 'enqueue_style' ) );
		add_action( 'woocommerce_single_product_summary', array( __CLASS__, 'echo_product' ), 35 );
		add_action( 'woocommerce_after_add_to_cart_form', array( __CLASS__, 'echo_product_elsewhere' ) );
		add_action( 'woocommerce_after_single_product_summary', array( __CLASS__, 'echo_product_elsewhere' ), 5 );
		add_action( 'woocommerce_after_cart_table', array( __CLASS__, 'echo_cart' ) );
		add_action( 'woocommerce_review_order_before_payment', array( __CLASS__, 'echo_checkout' ) );
		add_action( 'wp_footer', array( __CLASS__, 'echo_footer' ) );
		add_action( 'wp_update_comment_count', array( 'Rassure_Shop_Context', 'forget_shop_reviews' ) );
		add_filter( 'render_block', array( __CLASS__, 'filter_block' ), 10, 2 );
		add_action( 'init', array( __CLASS__, 'register_block' ) );
	}

	/**
	 * Block themes on WordPress 6.4+: the Block Hooks API places `rassure/reassurance` after the
	 * add-to-cart form of the product template (blocks/reassurance/block.json). Where both this
	 * and the render_block filter apply, the place still renders once.
	 */
	public static function register_block() {
		register_block_type( dirname( RASSURE_WC_FILE ) . '/blocks/reassurance', array( 'render_callback' => array( __CLASS__, 'render_hooked_block' ) ) );
	}

	/**
	 * Render callback of `rassure/reassurance`.
	 *
	 * @param array $attributes Block attributes (place).
	 * @return string
	 */
	public static function render_hooked_block( $attributes ) {
		$place = is_array( $attributes ) && isset( $attributes['place'] ) && is_string( $attributes['place'] ) ? $attributes['place'] : 'product';
		return self::place_html( $place );
	}

	/**
	 * One small stylesheet, only when something is published; no script at all.
	 */
	public static function enqueue_style() {
		if ( null !== Rassure_Options::config() ) {
			wp_enqueue_style( 'rassure', plugins_url( 'assets/rassure.css', RASSURE_WC_FILE ), array(), RASSURE_WC_VERSION );
		}
	}

	/**
	 * HTML of a place's blocks, once per request.
	 *
	 * @param string $place   product | cart | checkout | footer.
	 * @param array  $context Render context (defaults to the live shop).
	 * @return string
	 */
	public static function place_html( $place, $context = null ) {
		$config = Rassure_Options::config();
		if ( null === $config || ! isset( self::PLACES[ $place ] ) || isset( self::$rendered[ $place ] ) ) {
			return '';
		}
		self::$rendered[ $place ] = true;
		$context                  = null === $context ? Rassure_Shop_Context::current() : $context;
		if ( 'footer' === $place ) {
			// The footer is on every page: its reviews summary is the whole shop's, also under a product.
			$context['settings'] = array( 'source' => 'shop' ) + ( isset( $context['settings'] ) && is_array( $context['settings'] ) ? $context['settings'] : array() );
		}
		$renderer                 = Rassure_Renderer::for_language( $context['lang'] );
		$html                     = '';
		foreach ( self::PLACES[ $place ] as $handle ) {
			$html .= $renderer->render( $handle, $config, $context );
		}
		return $html;
	}

	/**
	 * Tags and attributes the blocks use: their HTML goes through wp_kses with exactly this list
	 * before it is printed (the renderer escapes every value already; this is the second lock).
	 *
	 * @return array
	 */
	public static function allowed_html() {
		$common = array(
			'class'           => true,
			'id'              => true,
			'aria-labelledby' => true,
			'aria-label'      => true,
			'aria-hidden'     => true,
		);
		$svg    = array(
			'xmlns'           => true,
			'viewbox'         => true,
			'width'           => true,
			'height'          => true,
			'role'            => true,
			'focusable'       => true,
			'fill'            => true,
			'stroke'          => true,
			'stroke-width'    => true,
			'stroke-linecap'  => true,
			'stroke-linejoin' => true,
		);
		$shape  = array(
			'd'           => true,
			'cx'          => true,
			'cy'          => true,
			'r'           => true,
			'x'           => true,
			'y'           => true,
			'rx'          => true,
			'width'       => true,
			'height'      => true,
			'fill'        => true,
			'text-anchor' => true,
			'font-family' => true,
			'font-size'   => true,
			'font-weight' => true,
		);
		return array(
			'section' => $common,
			'nav'     => $common,
			'aside'   => $common,
			'div'     => $common,
			'h1'      => $common,
			'h2'      => $common,
			'h3'      => $common,
			'br'      => array(),
			'img'     => array(
				'class'    => true,
				'src'      => true,
				'alt'      => true,
				'width'    => true,
				'height'   => true,
				'loading'  => true,
				'decoding' => true,
			),
			'ul'      => $common,
			'li'      => $common,
			'p'       => $common,
			'span'    => $common,
			'a'       => $common + array( 'href' => true ),
			'time'    => array( 'datetime' => true ),
			'svg'     => $common + $svg,
			'title'   => array( 'id' => true ),
			'path'    => $shape,
			'circle'  => $shape,
			'rect'    => $shape,
			'text'    => $shape,
		);
	}

	/**
	 * Block HTML through wp_kses with the blocks' own allowed list and link schemes (the trust page uses it too).
	 *
	 * @param string $html Block HTML.
	 * @return string
	 */
	public static function kses( $html ) {
		return wp_kses( $html, self::allowed_html(), array( 'http', 'https', 'mailto', 'tel' ) );
	}

	/**
	 * Prints block HTML through kses().
	 *
	 * @param string $html Block HTML.
	 */
	private static function output( $html ) {
		echo self::kses( $html ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- passed through wp_kses.
	}

	/**
	 * Forgets which places were rendered (tests, and long-running PHP workers).
	 */
	public static function reset() {
		self::$rendered = array();
	}

	/** Classic single product page. */
	public static function echo_product() {
		self::output( self::place_html( 'product' ) );
	}

	/**
	 * The product place from hooks that also fire outside a single product page (an add-to-cart
	 * form in a shop loop or a quick view): only on the product page itself.
	 */
	public static function echo_product_elsewhere() {
		if ( function_exists( 'is_product' ) && is_product() ) {
			self::echo_product();
		}
	}

	/** Classic cart page. */
	public static function echo_cart() {
		self::output( self::place_html( 'cart' ) );
	}

	/** Classic checkout, before the payment methods. */
	public static function echo_checkout() {
		self::output( self::place_html( 'checkout' ) );
	}

	/**
	 * Every page, at the end of the body. Themes print wp_footer outside their own page wrapper,
	 * so the blocks get a container of their own (.rassure-footer: centred, side padding).
	 */
	public static function echo_footer() {
		$html = self::place_html( 'footer' );
		if ( '' !== $html ) {
			self::output( '<div class="rassure-footer">' . $html . '</div>' );
		}
	}

	/**
	 * Block themes: append a place after its WooCommerce anchor block.
	 *
	 * @param string $content Block HTML.
	 * @param array  $block   Parsed block.
	 * @return string
	 */
	public static function filter_block( $content, $block ) {
		$name = is_array( $block ) && isset( $block['blockName'] ) ? $block['blockName'] : '';
		if ( ! is_string( $name ) || ! isset( self::BLOCK_ANCHORS[ $name ] ) ) {
			return $content;
		}
		return $content . self::place_html( self::BLOCK_ANCHORS[ $name ] );
	}
}
