<?php
/**
 * What the blocks need to know about the shop, read from WordPress and WooCommerce: the
 * payment methods really enabled (never a logo the shop has not earned), whether this page is
 * served over https, the legal pages, the money format, the shopper's language and the shop's
 * time zone.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Shop context for the renderer.
 */
class Rassure_Shop_Context {

	/**
	 * Card brands and wallets shown for each kind of gateway (by WooCommerce gateway id).
	 *
	 * @var array
	 */
	const GATEWAY_PAYMENT_TYPES = array(
		'stripe'                   => array( 'cartes_bancaires', 'visa', 'master', 'american_express' ),
		'woocommerce_payments'     => array( 'cartes_bancaires', 'visa', 'master', 'american_express' ),
		'ppcp-gateway'             => array( 'paypal' ),
		'paypal'                   => array( 'paypal' ),
		'ppcp-credit-card-gateway' => array( 'visa', 'master' ),
		'stripe_applepay'          => array( 'apple_pay' ),
		'stripe_googlepay'         => array( 'google_pay' ),
	);

	/**
	 * Payment types of the enabled gateways, without duplicates.
	 *
	 * @param string[] $gateway_ids Enabled gateway ids.
	 * @return string[]
	 */
	public static function payment_types( array $gateway_ids ) {
		$types = array();
		foreach ( $gateway_ids as $id ) {
			foreach ( isset( self::GATEWAY_PAYMENT_TYPES[ $id ] ) ? self::GATEWAY_PAYMENT_TYPES[ $id ] : array() as $type ) {
				if ( ! in_array( $type, $types, true ) ) {
					$types[] = $type;
				}
			}
		}
		return $types;
	}

	/**
	 * WooCommerce's price format as a money format ("{{amount_with_comma_separator}} €").
	 *
	 * @param string $position  left | right | left_space | right_space.
	 * @param string $symbol    Currency symbol (plain text).
	 * @param string $decimal   Decimal separator.
	 * @param int    $decimals  Number of decimals.
	 * @return string
	 */
	public static function money_format( $position, $symbol, $decimal, $decimals ) {
		if ( ',' === $decimal ) {
			$amount = 0 === $decimals ? '{{amount_no_decimals_with_space_separator}}' : '{{amount_with_space_separator}}';
		} else {
			$amount = 0 === $decimals ? '{{amount_no_decimals}}' : '{{amount}}';
		}
		switch ( $position ) {
			case 'left':
				return $symbol . $amount;
			case 'left_space':
				return $symbol . ' ' . $amount;
			case 'right':
				return $amount . $symbol;
			default:
				return $amount . ' ' . $symbol;
		}
	}

	/**
	 * The context for the live storefront.
	 *
	 * @return array
	 */
	public static function current() {
		$enabled = array();
		if ( function_exists( 'WC' ) && WC()->payment_gateways() ) {
			foreach ( WC()->payment_gateways()->get_available_payment_gateways() as $id => $gateway ) {
				$enabled[] = (string) $id;
			}
		}
		$policies = array();
		$pages    = array(
			'refund_policy'    => (int) get_option( 'woocommerce_refund_returns_page_id' ),
			'privacy_policy'   => (int) get_option( 'wp_page_for_privacy_policy' ),
			'terms_of_service' => function_exists( 'wc_terms_and_conditions_page_id' ) ? (int) wc_terms_and_conditions_page_id() : 0,
		);
		foreach ( $pages as $handle => $page_id ) {
			if ( $page_id > 0 && 'publish' === get_post_status( $page_id ) ) {
				$policies[] = array(
					'handle' => $handle,
					'title'  => get_the_title( $page_id ),
					'url'    => get_permalink( $page_id ),
				);
			}
		}
		$symbol = function_exists( 'get_woocommerce_currency_symbol' ) ? html_entity_decode( get_woocommerce_currency_symbol(), ENT_QUOTES, 'UTF-8' ) : '€';
		return array(
			'shop'           => array(
				// The scheme this page is really served on (the payment block claims encryption only on https).
				'origin'        => ( is_ssl() ? 'https://' : 'http://' ) . (string) wp_parse_url( home_url(), PHP_URL_HOST ),
				'payment_types' => self::payment_types( $enabled ),
				'country'       => strtoupper( substr( (string) get_option( 'woocommerce_default_country', '' ), 0, 2 ) ),
				'policies'      => $policies,
				'money_format'  => self::money_format(
					(string) get_option( 'woocommerce_currency_pos', 'left' ),
					$symbol,
					function_exists( 'wc_get_price_decimal_separator' ) ? wc_get_price_decimal_separator() : '.',
					function_exists( 'wc_get_price_decimals' ) ? (int) wc_get_price_decimals() : 2
				),
			),
			'product'        => self::product_reviews(),
			// Only where the reviews block can show it: the context is built on every page.
			'shop_reviews'   => Rassure_Renderer::block_on( Rassure_Options::config(), 'reviews' ) ? self::shop_reviews() : null,
			// Where the trust bar's link goes (the plugin's own trust page).
			'trust_page_url' => Rassure_Trust_Page::url(),
			'lang'           => substr( strtolower( determine_locale() ), 0, 2 ),
			'timezone'       => wp_timezone_string(),
			'now'            => time(),
			'block_id'       => 'wc',
		);
	}

	/**
	 * Whether the shop shows star ratings on its reviews (WooCommerce → Settings → Products → Reviews).
	 *
	 * @return bool
	 */
	private static function ratings_enabled() {
		return 'yes' === get_option( 'woocommerce_enable_reviews' ) && 'yes' === get_option( 'woocommerce_enable_review_rating' );
	}

	/**
	 * The current product's native rating, only where the shop collects star ratings on reviews
	 * and the product takes reviews. Null off product pages; on a product page without ratings,
	 * a product with none (the block then shows nothing, not the shop's figure).
	 *
	 * @return array|null rating, rating_count, scale_max.
	 */
	public static function product_reviews() {
		if ( ! function_exists( 'is_product' ) || ! is_product() ) {
			return null;
		}
		$none = array( 'rating' => null, 'rating_count' => 0, 'scale_max' => 5 );
		if ( ! self::ratings_enabled() ) {
			return $none;
		}
		$product = wc_get_product( get_the_ID() );
		if ( ! $product || ! $product->get_reviews_allowed() ) {
			return $none;
		}
		return array(
			'rating'       => (float) $product->get_average_rating(),
			'rating_count' => (int) $product->get_rating_count(),
			'scale_max'    => 5,
		);
	}

	/** Transient holding the shop-wide aggregate between rating changes. */
	const SHOP_REVIEWS_CACHE = 'rassure_shop_reviews';

	/**
	 * The shop-wide review aggregate, as the Shopify app computes it (adapters/reviews-aggregate.ts):
	 * every published product's native average weighted by its number of ratings, in tenths.
	 * Cached for an hour, and forgotten whenever a review's count changes.
	 *
	 * @return array|null ratingTenths, scaleMax, reviews, products; null where ratings are off.
	 */
	public static function shop_reviews() {
		if ( ! self::ratings_enabled() || ! function_exists( 'wc_get_product' ) ) {
			return null;
		}
		$cached = get_transient( self::SHOP_REVIEWS_CACHE );
		if ( is_array( $cached ) ) {
			return $cached;
		}
		$ids     = get_posts(
			array(
				'post_type'      => 'product',
				'post_status'    => 'publish',
				'fields'         => 'ids',
				'posts_per_page' => -1,
				'no_found_rows'  => true,
				'meta_query'     => array( array( 'key' => '_wc_average_rating', 'value' => 0, 'compare' => '>', 'type' => 'DECIMAL(3,2)' ) ), // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query
			)
		);
		$ratings = array();
		foreach ( $ids as $id ) {
			$product = wc_get_product( $id );
			if ( $product && $product->get_reviews_allowed() ) {
				$ratings[] = array( (float) $product->get_average_rating(), (int) $product->get_rating_count() );
			}
		}
		$aggregate = self::aggregate( $ratings );
		set_transient( self::SHOP_REVIEWS_CACHE, $aggregate, HOUR_IN_SECONDS );
		return $aggregate;
	}

	/**
	 * The weighted mean of [average, count] pairs on WooCommerce's 5-star scale.
	 *
	 * @param array $ratings Pairs of a product's average rating and its number of ratings.
	 * @return array ratingTenths (null without ratings), scaleMax, reviews, products.
	 */
	public static function aggregate( array $ratings ) {
		$sum      = 0.0;
		$reviews  = 0;
		$products = 0;
		foreach ( $ratings as $pair ) {
			list( $average, $count ) = $pair;
			if ( $count < 1 || $average < 0 || $average > 5 ) {
				continue;
			}
			$sum     += $average * $count;
			$reviews += $count;
			++$products;
		}
		return array(
			'ratingTenths' => $reviews > 0 ? (int) round( $sum / $reviews * 10 + 1e-9 ) : null,
			'scaleMax'     => $reviews > 0 ? 5 : null,
			'reviews'      => $reviews,
			'products'     => $products,
		);
	}

	/**
	 * A rating was added, approved or removed somewhere: the aggregate is computed again on the next page.
	 */
	public static function forget_shop_reviews() {
		delete_transient( self::SHOP_REVIEWS_CACHE );
	}
}
