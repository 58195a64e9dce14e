<?php
/**
 * Tracking links on the customer's side: the order view in My Account (and the thank-you
 * page) and the customer e-mails. Rassure writes the link in the order meta `rassure_tracking`
 * (a list of {number, carrier, url}); only https links are shown.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Tracking display.
 */
class Rassure_Tracking {

	const META_KEY = 'rassure_tracking';

	/**
	 * Hooks (plugins_loaded).
	 */
	public static function init() {
		add_action( 'woocommerce_order_details_after_order_table', array( __CLASS__, 'echo_order_details' ) );
		add_action( 'woocommerce_email_order_meta', array( __CLASS__, 'echo_email' ), 20, 3 );
	}

	/**
	 * The order's tracking entries, validated.
	 *
	 * @param mixed $meta Value of the meta.
	 * @return array[] Each with number, carrier, url.
	 */
	public static function entries( $meta ) {
		$entries = array();
		foreach ( is_array( $meta ) ? $meta : array() as $entry ) {
			if ( ! is_array( $entry ) || empty( $entry['number'] ) || empty( $entry['url'] ) || ! is_string( $entry['url'] ) || 0 !== strpos( $entry['url'], 'https://' ) ) {
				continue;
			}
			$entries[] = array(
				'number'  => (string) $entry['number'],
				'carrier' => isset( $entry['carrier'] ) ? (string) $entry['carrier'] : '',
				'url'     => $entry['url'],
			);
		}
		return $entries;
	}

	/**
	 * Strings of the plugin itself, per language.
	 *
	 * @param string $lang Two-letter language.
	 * @return array
	 */
	private static function strings( $lang ) {
		return 'fr' === $lang
			? array(
				'heading' => 'Suivi de votre colis',
				'track'   => 'Suivre le colis',
				'number'  => 'Numéro de suivi',
			)
			: array(
				'heading' => 'Track your parcel',
				'track'   => 'Track the parcel',
				'number'  => 'Tracking number',
			);
	}

	/**
	 * HTML for the order view and HTML e-mails (same markup family as the blocks).
	 *
	 * @param array  $entries Tracking entries.
	 * @param string $lang    Two-letter language.
	 * @param object $renderer Rassure_Renderer for the icon.
	 * @return string
	 */
	public static function html( array $entries, $lang, $renderer ) {
		if ( empty( $entries ) ) {
			return '';
		}
		$s    = self::strings( $lang );
		$html = '<section class="rassure rassure--tracking rassure--tone-plain rassure--align-start" aria-labelledby="rassure-tracking"><h2 class="rassure__title" id="rassure-tracking">' . esc_html( $s['heading'] ) . '</h2><ul class="rassure__list">';
		foreach ( $entries as $entry ) {
			$label = trim( $entry['carrier'] . ' ' . $entry['number'] );
			$html .= '<li class="rassure__item">' . $renderer->icon( 'truck' ) . '<span class="rassure__body"><a class="rassure__label rassure__link" href="' . esc_url( $entry['url'] ) . '">' . esc_html( $s['track'] ) . '</a><span class="rassure__detail">' . esc_html( $s['number'] . ' : ' . $label ) . '</span></span></li>';
		}
		return $html . '</ul></section>';
	}

	/**
	 * Plain-text e-mails.
	 *
	 * @param array  $entries Tracking entries.
	 * @param string $lang    Two-letter language.
	 * @return string
	 */
	public static function text( array $entries, $lang ) {
		if ( empty( $entries ) ) {
			return '';
		}
		$s   = self::strings( $lang );
		$out = "\n" . $s['heading'] . "\n";
		foreach ( $entries as $entry ) {
			$out .= '- ' . trim( $entry['carrier'] . ' ' . $entry['number'] ) . ' : ' . esc_url_raw( $entry['url'] ) . "\n";
		}
		return $out;
	}

	/**
	 * My Account › order, and the thank-you page.
	 *
	 * @param WC_Order $order Order.
	 */
	public static function echo_order_details( $order ) {
		$lang = substr( strtolower( determine_locale() ), 0, 2 );
		echo wp_kses( self::html( self::entries( $order->get_meta( self::META_KEY ) ), $lang, Rassure_Renderer::for_language( $lang ) ), Rassure_Storefront::allowed_html() );
	}

	/**
	 * Customer e-mails (not the admin copies).
	 *
	 * @param WC_Order $order         Order.
	 * @param bool     $sent_to_admin Whether the e-mail goes to the shop.
	 * @param bool     $plain_text    Plain-text e-mail.
	 */
	public static function echo_email( $order, $sent_to_admin, $plain_text ) {
		if ( $sent_to_admin ) {
			return;
		}
		$lang    = substr( strtolower( determine_locale() ), 0, 2 );
		$entries = self::entries( $order->get_meta( self::META_KEY ) );
		if ( $plain_text ) {
			echo esc_html( self::text( $entries, $lang ) );
			return;
		}
		echo wp_kses( self::html( $entries, $lang, Rassure_Renderer::for_language( $lang ) ), Rassure_Storefront::allowed_html() );
	}
}
