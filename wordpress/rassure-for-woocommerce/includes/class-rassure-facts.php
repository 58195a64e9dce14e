<?php
/**
 * GET wc-rassure/v1/facts: everything the Rassure trust checklist reads, in one response.
 * The REST GETs the app would otherwise send one by one (system status, settings groups,
 * payment gateways, shipping zones with their locations and methods, recent orders, published
 * pages, the REST index) are dispatched inside WordPress with rest_do_request: the current user
 * is the owner of the approved key and every route still runs its own permission check. Each
 * route's status and body come back as they would have over HTTP, so the app parses them with
 * the same code. The list is fixed here, never taken from the request; it mirrors
 * adapters/woocommerce/checklist-facts.ts, and VERSION changes when it does.
 *
 * Version 2 adds the latest published products and `site`: what WordPress itself knows and no
 * REST route gives a key — the cart/checkout/account URLs (their slugs follow the site language),
 * whether the checkout is the Checkout block, the order button's label, and WordPress's own update
 * check (the update_core / update_plugins / update_themes site transients WP-Cron refreshes). A
 * version WordPress does not know is reported as null, never guessed.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Batched read for the checklist.
 */
class Rassure_Facts {

	const VERSION         = 2;
	/** The probe visits one product page; a few permalinks are enough. */
	const PRODUCTS_READ = 3;
	const SETTINGS_GROUPS = array( 'general', 'advanced', 'tax', 'account', 'products', 'email' );
	/** As many pages of 100 orders as the app reads over REST. */
	const MAX_ORDER_PAGES = 5;

	/**
	 * The `orders_after` parameter: an ISO 8601 date-time to the second, as WooCommerce's `after` takes it.
	 *
	 * @param mixed $value Parameter.
	 * @return bool
	 */
	public static function is_valid_date( $value ) {
		return is_string( $value ) && 1 === preg_match( '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\z/', $value );
	}

	/**
	 * Every route's answer, keyed by route.
	 *
	 * @param string $orders_after Orders created after this date-time.
	 * @return array{version:int, responses:array<string, array{status:int, body:mixed}>}
	 */
	public static function collect( $orders_after ) {
		$responses = array(
			'/' => array(
				'status' => 200,
				'body'   => self::site_index(),
			),
		);
		$routes    = array( '/wc/v3/system_status' );
		foreach ( self::SETTINGS_GROUPS as $group ) {
			$routes[] = '/wc/v3/settings/' . $group;
		}
		$routes[] = '/wc/v3/payment_gateways';
		$routes[] = '/wc/v3/shipping/zones';
		foreach ( $routes as $route ) {
			$responses[ $route ] = self::part( self::get( $route ) );
		}
		$zones = $responses['/wc/v3/shipping/zones'];
		if ( 200 === $zones['status'] && is_array( $zones['body'] ) ) {
			foreach ( $zones['body'] as $zone ) {
				if ( ! is_array( $zone ) || ! isset( $zone['id'] ) || ! is_numeric( $zone['id'] ) ) {
					continue;
				}
				// An integer, so nothing but a zone id ever lands in the route.
				$zone_id = (int) $zone['id'];
				foreach ( array( 'locations', 'methods' ) as $sub ) {
					$route               = '/wc/v3/shipping/zones/' . $zone_id . '/' . $sub;
					$responses[ $route ] = self::part( self::get( $route ) );
				}
			}
		}
		$responses['/wc/v3/orders'] = self::recent_orders( $orders_after );
		$responses['/wp/v2/pages']  = self::part(
			self::get(
				'/wp/v2/pages',
				array(
					'per_page' => 100,
					'status'   => 'publish',
				)
			)
		);
		$responses['/wc/v3/products'] = self::part(
			self::get(
				'/wc/v3/products',
				array(
					'per_page' => self::PRODUCTS_READ,
					'status'   => 'publish',
					'orderby'  => 'date',
					'order'    => 'desc',
				)
			)
		);
		return array(
			'version'   => self::VERSION,
			'responses' => $responses,
			'site'      => self::site(),
		);
	}

	/**
	 * What only WordPress knows: page URLs, the checkout's kind and button, its update check, and
	 * the shop-wide rating from native ratings (Rassure_Shop_Context::shop_reviews).
	 *
	 * @return array
	 */
	public static function site() {
		$block_checkout = has_block( 'woocommerce/checkout', self::page_content( 'checkout' ) );
		return array(
			'pages'          => array(
				'cart'     => self::page_url( 'cart' ),
				'checkout' => self::page_url( 'checkout' ),
				'account'  => self::page_url( 'myaccount' ),
			),
			'block_checkout' => $block_checkout,
			'order_button'   => self::order_button( $block_checkout ),
			'updates'        => self::updates(),
			// The shop-wide rating the footer shows (no rating when star ratings are off).
			'ratings'        => Rassure_Shop_Context::shop_reviews() ?? Rassure_Shop_Context::aggregate( array() ),
		);
	}

	/**
	 * The public URL of a WooCommerce page (cart, checkout, myaccount), null when it is not set or not published.
	 *
	 * @param string $page WooCommerce page name.
	 * @return string|null
	 */
	private static function page_url( $page ) {
		$id = function_exists( 'wc_get_page_id' ) ? (int) wc_get_page_id( $page ) : 0;
		if ( $id <= 0 || 'publish' !== get_post_status( $id ) ) {
			return null;
		}
		$url = get_permalink( $id );
		return is_string( $url ) && '' !== $url ? $url : null;
	}

	/**
	 * The saved content of a WooCommerce page ('' when none).
	 *
	 * @param string $page WooCommerce page name.
	 * @return string
	 */
	private static function page_content( $page ) {
		$id   = function_exists( 'wc_get_page_id' ) ? (int) wc_get_page_id( $page ) : 0;
		$post = $id > 0 ? get_post( $id ) : null;
		return $post ? (string) $post->post_content : '';
	}

	/**
	 * The final button's label as shoppers see it: the Checkout block's own setting (or its default),
	 * or the classic checkout's `woocommerce_order_button_text` filter.
	 *
	 * @param bool $block_checkout The checkout page holds the Checkout block.
	 * @return array{label:string, source:string}
	 */
	private static function order_button( $block_checkout ) {
		if ( $block_checkout ) {
			$label = self::block_attribute( parse_blocks( self::page_content( 'checkout' ) ), 'woocommerce/checkout-actions-block', 'placeOrderButtonLabel' );
			return array(
				'label'  => '' !== $label ? $label : __( 'Place Order', 'woocommerce' ),
				'source' => 'Checkout block placeOrderButtonLabel',
			);
		}
		return array(
			'label'  => wp_strip_all_tags( (string) apply_filters( 'woocommerce_order_button_text', __( 'Place order', 'woocommerce' ) ) ),
			'source' => 'woocommerce_order_button_text',
		);
	}

	/**
	 * A string attribute of the first block of a type, searched through inner blocks ('' when absent).
	 *
	 * @param array  $blocks    Parsed blocks.
	 * @param string $name      Block name.
	 * @param string $attribute Attribute name.
	 * @return string
	 */
	private static function block_attribute( $blocks, $name, $attribute ) {
		foreach ( (array) $blocks as $block ) {
			if ( ! is_array( $block ) ) {
				continue;
			}
			if ( isset( $block['blockName'] ) && $name === $block['blockName'] && isset( $block['attrs'][ $attribute ] ) && is_string( $block['attrs'][ $attribute ] ) ) {
				return trim( $block['attrs'][ $attribute ] );
			}
			$inner = self::block_attribute( isset( $block['innerBlocks'] ) ? $block['innerBlocks'] : array(), $name, $attribute );
			if ( '' !== $inner ) {
				return $inner;
			}
		}
		return '';
	}

	/**
	 * WordPress's own update check: installed and latest versions of core, the active theme and the
	 * active plugins. `latest` is null where WordPress has no answer (no transient, or a plugin not
	 * hosted on WordPress.org); `checked_at` is the oldest of the three checks, null when one is missing.
	 *
	 * @return array
	 */
	public static function updates() {
		$core    = get_site_transient( 'update_core' );
		$plugins = get_site_transient( 'update_plugins' );
		$themes  = get_site_transient( 'update_themes' );
		$checks  = array();
		foreach ( array( $core, $plugins, $themes ) as $transient ) {
			$checks[] = is_object( $transient ) && isset( $transient->last_checked ) ? (int) $transient->last_checked : 0;
		}
		$core_latest = null;
		if ( is_object( $core ) && isset( $core->updates ) && is_array( $core->updates ) ) {
			foreach ( $core->updates as $offer ) {
				if ( is_object( $offer ) && isset( $offer->response, $offer->current ) && in_array( $offer->response, array( 'upgrade', 'latest' ), true ) ) {
					$core_latest = (string) $offer->current;
					break;
				}
			}
		}
		if ( ! function_exists( 'get_plugins' ) && defined( 'ABSPATH' ) && file_exists( ABSPATH . 'wp-admin/includes/plugin.php' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php';
		}
		$installed = function_exists( 'get_plugins' ) ? get_plugins() : array();
		$active    = array();
		foreach ( (array) get_option( 'active_plugins', array() ) as $file ) {
			$file     = (string) $file;
			$active[] = array(
				'plugin'  => $file,
				'version' => isset( $installed[ $file ]['Version'] ) ? (string) $installed[ $file ]['Version'] : '',
				'latest'  => self::offered_version( $plugins, $file ),
			);
		}
		$theme      = wp_get_theme();
		$stylesheet = get_stylesheet();
		return array(
			'checked_at' => in_array( 0, $checks, true ) ? null : gmdate( 'Y-m-d\TH:i:s', min( $checks ) ),
			'core'       => array(
				'version' => (string) get_bloginfo( 'version' ),
				'latest'  => $core_latest,
			),
			'theme'      => array(
				'name'    => (string) $theme->get( 'Name' ),
				'version' => (string) $theme->get( 'Version' ),
				'latest'  => self::offered_version( $themes, $stylesheet ),
			),
			'plugins'    => $active,
		);
	}

	/**
	 * The version WordPress.org offers for a plugin file or theme stylesheet: the update in
	 * `response`, else the current one in `no_update`; null when WordPress.org did not answer for it.
	 *
	 * @param mixed  $transient update_plugins or update_themes.
	 * @param string $key       Plugin file or theme stylesheet.
	 * @return string|null
	 */
	private static function offered_version( $transient, $key ) {
		if ( ! is_object( $transient ) ) {
			return null;
		}
		foreach ( array( 'response', 'no_update' ) as $list ) {
			$entries = isset( $transient->{$list} ) && is_array( $transient->{$list} ) ? $transient->{$list} : array();
			// Plugins are listed as objects, themes as arrays.
			$entry = isset( $entries[ $key ] ) ? (object) $entries[ $key ] : null;
			if ( is_object( $entry ) && isset( $entry->new_version ) && is_string( $entry->new_version ) && '' !== $entry->new_version ) {
				return $entry->new_version;
			}
		}
		return null;
	}

	/**
	 * The orders created after a date, newest first, pages merged; a failing page is returned as it failed.
	 *
	 * @param string $after Date-time.
	 * @return array{status:int, body:mixed}
	 */
	private static function recent_orders( $after ) {
		$orders = array();
		for ( $page = 1; $page <= self::MAX_ORDER_PAGES; $page++ ) {
			$response = self::get(
				'/wc/v3/orders',
				array(
					'after'    => $after,
					'orderby'  => 'date',
					'order'    => 'desc',
					'per_page' => 100,
					'page'     => $page,
				)
			);
			$part     = self::part( $response );
			if ( 200 !== $part['status'] || ! is_array( $part['body'] ) ) {
				return $part;
			}
			$orders  = array_merge( $orders, array_values( $part['body'] ) );
			$headers = $response->get_headers();
			$total   = isset( $headers['X-WP-TotalPages'] ) ? (int) $headers['X-WP-TotalPages'] : 1;
			if ( $page >= $total ) {
				break;
			}
		}
		return array(
			'status' => 200,
			'body'   => $orders,
		);
	}

	/**
	 * One GET dispatched inside WordPress.
	 *
	 * @param string $route Route.
	 * @param array  $query Query parameters.
	 * @return WP_REST_Response
	 */
	private static function get( $route, $query = array() ) {
		$request = new WP_REST_Request( 'GET', $route );
		$request->set_query_params( $query );
		return rest_do_request( $request );
	}

	/**
	 * A route's status and body as the REST server would have sent them (errors become {code, message, data}).
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array{status:int, body:mixed}
	 */
	private static function part( $response ) {
		return array(
			'status' => (int) $response->get_status(),
			'body'   => rest_get_server()->response_to_data( $response, false ),
		);
	}

	/**
	 * The fields of the REST index (/wp-json/) the app reads, with the same values WordPress puts there.
	 *
	 * @return array{name:string, home:string, timezone_string:string, namespaces:string[]}
	 */
	private static function site_index() {
		return array(
			'name'            => (string) get_option( 'blogname' ),
			'home'            => (string) home_url(),
			'timezone_string' => (string) get_option( 'timezone_string' ),
			'namespaces'      => array_values( array_map( 'strval', rest_get_server()->get_namespaces() ) ),
		);
	}
}
