<?php
/**
 * The Rassure page in wp-admin: the Rassure app in a frame, opened with a short-lived token
 * this plugin signs with the secret the app gave it at connection time
 * (base64url(JSON) "." base64url(HMAC-SHA256), purpose "wp-admin", 5 minutes). Before the
 * store is connected, the page offers to connect it.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Admin page.
 */
class Rassure_Admin {

	const TOKEN_TTL = 300;

	/**
	 * Hooks (plugins_loaded).
	 */
	public static function init() {
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
	}

	/**
	 * Registers the menu entry.
	 */
	public static function menu() {
		add_menu_page( 'Rassure', 'Rassure', 'manage_woocommerce', 'rassure', array( __CLASS__, 'render_page' ), 'dashicons-shield', 56 );
	}

	/**
	 * base64url without padding.
	 *
	 * @param string $bytes Raw bytes.
	 * @return string
	 */
	private static function base64url( $bytes ) {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- token encoding.
	}

	/**
	 * A wp-admin entry token for the current user.
	 *
	 * @param string $secret  The link secret.
	 * @param string $shop    This store's identifier in the app.
	 * @param int    $user_id WordPress user.
	 * @param int    $now     Unix time.
	 * @return string
	 */
	public static function token( $secret, $shop, $user_id, $now ) {
		$payload = wp_json_encode(
			array(
				'purpose' => 'wp-admin',
				'exp'     => $now + self::TOKEN_TTL,
				'shop'    => (string) $shop,
				'user'    => (int) $user_id,
			)
		);
		$body    = self::base64url( $payload );
		return $body . '.' . self::base64url( hash_hmac( 'sha256', $body, $secret, true ) );
	}

	/**
	 * The framed app URL, or null when the store is not connected yet.
	 *
	 * @param array|null $link    Stored link.
	 * @param int        $user_id WordPress user.
	 * @param string     $lang    Two-letter language.
	 * @param int        $now     Unix time.
	 * @return string|null
	 */
	public static function frame_url( $link, $user_id, $lang, $now ) {
		if ( ! is_array( $link ) ) {
			return null;
		}
		return add_query_arg(
			array(
				'store'  => rawurlencode( $link['shop'] ),
				'token'  => rawurlencode( self::token( $link['admin_secret'], $link['shop'], $user_id, $now ) ),
				'locale' => rawurlencode( $lang ),
			),
			$link['app_url']
		);
	}

	/**
	 * Where an unconnected store starts (the app's connect page), filterable for self-hosted apps.
	 *
	 * @return string
	 */
	public static function connect_url() {
		$app = apply_filters( 'rassure_app_url', defined( 'RASSURE_APP_URL' ) ? RASSURE_APP_URL : 'https://app.rassure.io' );
		return add_query_arg( 'store', rawurlencode( home_url() ), trailingslashit( $app ) . 'woocommerce/connect' );
	}

	/**
	 * The page.
	 */
	public static function render_page() {
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to access this page.', 'rassure-for-woocommerce' ) );
		}
		$lang = substr( strtolower( determine_locale() ), 0, 2 );
		$url  = self::frame_url( Rassure_Options::link(), get_current_user_id(), $lang, time() );
		echo '<div class="wrap"><h1>Rassure</h1>';
		if ( null === $url ) {
			$text = 'fr' === $lang ? 'Connectez votre boutique à Rassure pour vérifier sa conformité, afficher les blocs de réassurance et ajouter les liens de suivi.' : 'Connect your store to Rassure to check its trust checklist, show reassurance blocks and add tracking links.';
			$cta  = 'fr' === $lang ? 'Connecter la boutique' : 'Connect the store';
			echo '<p>' . esc_html( $text ) . '</p><p><a class="button button-primary" href="' . esc_url( self::connect_url() ) . '">' . esc_html( $cta ) . '</a></p>';
		} else {
			echo '<iframe title="Rassure" src="' . esc_url( $url ) . '" style="width:100%;min-height:80vh;border:0" referrerpolicy="no-referrer" sandbox="allow-forms allow-scripts allow-same-origin allow-popups allow-top-navigation-by-user-activation"></iframe>';
		}
		echo '</div>';
	}
}
