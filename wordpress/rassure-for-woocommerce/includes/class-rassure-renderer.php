<?php
/**
 * Renders the reassurance blocks from the published configuration: the same HTML as the
 * Shopify theme app extension (extensions/rassure-theme, markup contract in its README), so one
 * stylesheet serves both platforms. Pure: no hooks, no database; everything it needs comes in
 * through the constructor and the render context. Every merchant value is escaped on output.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Block renderer.
 */
class Rassure_Renderer {

	/**
	 * Storefront strings of the shopper's language, with English as the fallback.
	 *
	 * @var array
	 */
	private $strings;

	/**
	 * English strings.
	 *
	 * @var array
	 */
	private $fallback;

	/**
	 * Two-letter language of the shopper ("en", "fr").
	 *
	 * @var string
	 */
	private $lang;

	/**
	 * Icon artwork by name (the same paths as snippets/rassure-icon.liquid).
	 *
	 * @var array
	 */
	const ICONS = array(
		'truck'    => '<path d="M3 6h11v10H3zM14 10h4l3 3v3h-7"/><circle cx="7" cy="17.5" r="1.5"/><circle cx="17" cy="17.5" r="1.5"/>',
		'return'   => '<path d="M9 14 4 9l5-5"/><path d="M4 9h10a6 6 0 0 1 0 12h-3"/>',
		'shield'   => '<path d="M12 3 5 6v5c0 4.5 3 8.5 7 10 4-1.5 7-5.5 7-10V6z"/><path d="m9 12 2 2 4-4"/>',
		'lock'     => '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/>',
		'calendar' => '<rect x="4" y="5" width="16" height="16" rx="2"/><path d="M4 10h16M9 3v4M15 3v4"/>',
		'chat'     => '<path d="M4 5h16v11H9l-5 4z"/>',
		'mail'     => '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>',
		'phone'    => '<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2"/>',
		'clock'    => '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
		'document' => '<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M9 12h6M9 16h6"/>',
		'gift'     => '<rect x="4" y="9" width="16" height="12"/><path d="M3 9h18M12 9v12M12 9S10 4 7.5 5 9 9 12 9s4.5-3 4.5-4S12 9 12 9"/>',
		'leaf'     => '<path d="M5 19C5 9 11 5 20 4c0 9-4 15-13 15"/><path d="M5 19 13 11"/>',
		'pin'      => '<path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z"/><circle cx="12" cy="10" r="2.5"/>',
		'star'     => '<path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9z"/>',
	);

	/**
	 * Name, short mark and brand colour of the payment icons (same artwork as the admin preview).
	 *
	 * @var array
	 */
	const PAYMENT_ICONS = array(
		'american_express' => array( 'American Express', 'AMEX', '#1f72cd' ),
		'apple_pay'        => array( 'Apple Pay', 'Pay', '#000000' ),
		'bancontact'       => array( 'Bancontact', 'BC', '#005498' ),
		'cartes_bancaires' => array( 'Cartes Bancaires', 'CB', '#1d4d7e' ),
		'diners_club'      => array( 'Diners Club', 'DC', '#0079be' ),
		'discover'         => array( 'Discover', 'DISC', '#231f20' ),
		'google_pay'       => array( 'Google Pay', 'G Pay', '#3c4043' ),
		'ideal'            => array( 'iDEAL', 'iDEAL', '#cc0066' ),
		'klarna'           => array( 'Klarna', 'Klarna', '#17120f' ),
		'maestro'          => array( 'Maestro', 'MAES', '#0e4c96' ),
		'master'           => array( 'Mastercard', 'MC', '#eb001b' ),
		'paypal'           => array( 'PayPal', 'PayPal', '#003087' ),
		'shopify_pay'      => array( 'Shop Pay', 'Shop', '#5a31f4' ),
		'sofort'           => array( 'SOFORT', 'SOFORT', '#393a41' ),
		'visa'             => array( 'Visa', 'VISA', '#1a1f71' ),
	);

	/**
	 * Constructor.
	 *
	 * @param array  $strings  Locale tree of the shopper's language (locales/<lang>.json).
	 * @param array  $fallback English locale tree.
	 * @param string $lang     Two-letter language.
	 */
	public function __construct( array $strings, array $fallback, $lang ) {
		$this->strings  = $strings;
		$this->fallback = $fallback;
		$this->lang     = $lang;
	}

	/**
	 * Loads the renderer for a language from the plugin's locale files.
	 *
	 * @param string $lang Two-letter language; anything else falls back to English.
	 * @return Rassure_Renderer
	 */
	public static function for_language( $lang ) {
		$lang     = in_array( $lang, array( 'en', 'fr' ), true ) ? $lang : 'en';
		$read     = static function ( $file ) {
			$data = json_decode( (string) file_get_contents( dirname( __DIR__ ) . '/locales/' . $file ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- local file.
			return is_array( $data ) ? $data : array();
		};
		$english  = $read( 'en.default.json' );
		$strings  = 'fr' === $lang ? $read( 'fr.json' ) : $english;
		return new self( $strings, $english, $lang );
	}

	/**
	 * Whether the published configuration shows a block.
	 *
	 * @param array|null $config The published configuration.
	 * @param string     $key    The block's key in it (bar, payment, reviews, contact, promises…).
	 * @return bool
	 */
	public static function block_on( $config, $key ) {
		return is_array( $config ) && isset( $config[ $key ] ) && is_array( $config[ $key ] ) && ! empty( $config[ $key ]['enabled'] );
	}

	/**
	 * Renders one block.
	 *
	 * @param string $handle  payment | promises | delivery | contact | legal | trust-bar | partners | reviews | store.
	 * @param array  $config  The published configuration (null when nothing was published).
	 * @param array  $context shop (payment_types, policies, money_format, country), settings (tone, alignment),
	 *                        block_id, now (Unix seconds), timezone, product (rating, rating_count, scale_max;
	 *                        null off product pages), shop_reviews (ratingTenths, scaleMax, reviews, products),
	 *                        trust_page_url (where the trust bar's link goes).
	 * @return string HTML.
	 */
	public function render( $handle, $config, array $context ) {
		$key = 'trust-bar' === $handle ? 'bar' : $handle;
		if ( ! self::block_on( $config, $key ) ) {
			return '';
		}
		$block    = $config[ $key ];
		$settings = isset( $context['settings'] ) && is_array( $context['settings'] ) ? $context['settings'] : array();
		$tone     = $this->choice( isset( $settings['tone'] ) ? $settings['tone'] : '', array( 'plain', 'soft', 'outline' ), 'bar' === $key ? 'soft' : 'plain' );
		$align    = $this->choice( isset( $settings['alignment'] ) ? $settings['alignment'] : '', array( 'start', 'center' ), 'start' );
		$block_id = isset( $context['block_id'] ) ? preg_replace( '/[^A-Za-z0-9_-]/', '', (string) $context['block_id'] ) : 'wc';
		$shop     = isset( $context['shop'] ) && is_array( $context['shop'] ) ? $context['shop'] : array();
		$classes  = 'rassure rassure--' . $key . ' rassure--tone-' . $tone . ( 'bar' === $key ? '' : ' rassure--align-' . $align );
		$title_id = 'rassure-' . $key . '-' . $block_id;

		switch ( $key ) {
			case 'payment':
				return $this->payment( $block, $shop, $classes, $title_id );
			case 'promises':
				return $this->promises( $block, $shop, $classes, $title_id );
			case 'delivery':
				return $this->delivery( $block, $context, $classes, $title_id );
			case 'contact':
				return $this->contact( $block, $classes, $title_id );
			case 'legal':
				return $this->legal( $block, $shop, $classes, $title_id ) . $this->company( $config ) . '</nav>';
			case 'bar':
				return $this->bar( $block, $classes, $context );
			case 'partners':
				return $this->partners( $block, $shop, $context, $classes, $title_id );
			case 'reviews':
				return $this->reviews( $block, $context, $classes, $title_id );
			case 'store':
				return $this->store( $block, $classes, $title_id );
		}
		return '';
	}

	/**
	 * A value from a closed list (block settings come from the merchant).
	 *
	 * @param mixed  $value   Candidate.
	 * @param array  $allowed Allowed values.
	 * @param string $default Fallback.
	 * @return string
	 */
	private function choice( $value, array $allowed, $default ) {
		return in_array( $value, $allowed, true ) ? $value : $default;
	}

	/**
	 * A storefront string, interpolated and escaped (the Liquid `t` filter).
	 *
	 * @param string $key  Dotted key, e.g. "rassure.payment.heading".
	 * @param array  $vars Values for {{ name }} placeholders.
	 * @return string Escaped text.
	 */
	public function t( $key, array $vars = array() ) {
		$text = $this->lookup( $this->strings, $key );
		if ( null === $text ) {
			$text = $this->lookup( $this->fallback, $key );
		}
		if ( null === $text ) {
			$text = 'translation missing: ' . $this->lang . '.' . $key;
		}
		$text = preg_replace_callback(
			'/\{\{\s*(\w+)\s*\}\}/',
			static function ( $match ) use ( $vars ) {
				return array_key_exists( $match[1], $vars ) ? (string) $vars[ $match[1] ] : $match[0];
			},
			$text
		);
		return esc_html( $text );
	}

	/**
	 * Looks a dotted key up in a locale tree.
	 *
	 * @param array  $tree Locale tree.
	 * @param string $key  Dotted key.
	 * @return string|null
	 */
	private function lookup( array $tree, $key ) {
		$node = $tree;
		foreach ( explode( '.', $key ) as $part ) {
			if ( ! is_array( $node ) || ! array_key_exists( $part, $node ) ) {
				return null;
			}
			$node = $node[ $part ];
		}
		return is_string( $node ) ? $node : null;
	}

	/**
	 * The merchant's text in the shopper's language, trimmed (not escaped).
	 *
	 * @param mixed $localized { "en": "...", "fr": "..." }.
	 * @return string
	 */
	private function local( $localized ) {
		return is_array( $localized ) && isset( $localized[ $this->lang ] ) && is_string( $localized[ $this->lang ] ) ? trim( $localized[ $this->lang ] ) : '';
	}

	/**
	 * Merchant text escaped, or the locale fallback when empty (snippets/rassure-text.liquid).
	 *
	 * @param mixed  $localized Merchant text.
	 * @param string $fallback  Locale key.
	 * @return string
	 */
	private function text( $localized, $fallback ) {
		$value = $this->local( $localized );
		return '' === $value ? $this->t( $fallback ) : esc_html( $value );
	}

	/**
	 * A string field of the configuration.
	 *
	 * @param array  $block Block configuration.
	 * @param string $field Field name.
	 * @return string
	 */
	private function field( array $block, $field ) {
		return isset( $block[ $field ] ) && is_string( $block[ $field ] ) ? trim( $block[ $field ] ) : '';
	}

	/**
	 * Decorative icon (snippets/rassure-icon.liquid).
	 *
	 * @param mixed $name Icon name.
	 * @return string
	 */
	public function icon( $name ) {
		$art = is_string( $name ) && isset( self::ICONS[ $name ] ) ? self::ICONS[ $name ] : '<path d="m5 12 5 5 9-10"/>';
		return '<svg class="rassure__icon" aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">' . $art . '</svg>';
	}

	/**
	 * Block title (snippets/rassure-heading.liquid).
	 *
	 * @param string $id       Element id.
	 * @param mixed  $text     Merchant text.
	 * @param string $fallback Locale key.
	 * @return string
	 */
	private function heading( $id, $text, $fallback ) {
		return '<h2 class="rassure__title" id="' . esc_attr( $id ) . '">' . $this->text( $text, $fallback ) . '</h2>';
	}

	/**
	 * A payment method icon.
	 *
	 * @param string $type  Payment type handle.
	 * @param string $class CSS class.
	 * @return string
	 */
	public function payment_icon( $type, $class ) {
		$type = (string) $type;
		if ( isset( self::PAYMENT_ICONS[ $type ] ) ) {
			list( $name, $mark, $fill ) = self::PAYMENT_ICONS[ $type ];
		} else {
			$name = str_replace( '_', ' ', $type );
			$mark = strtoupper( substr( $type, 0, 4 ) );
			$fill = '#4a4a4a';
		}
		$id = 'pi-' . preg_replace( '/[^a-z0-9_-]/i', '', $type );
		return '<svg class="' . esc_attr( $class ) . '" viewBox="0 0 38 24" xmlns="http://www.w3.org/2000/svg" width="38" height="24" role="img" aria-labelledby="' . esc_attr( $id ) . '">'
			. '<title id="' . esc_attr( $id ) . '">' . esc_html( $name ) . '</title>'
			. '<rect width="38" height="24" rx="3" fill="' . esc_attr( $fill ) . '"/>'
			. '<text x="19" y="15.5" text-anchor="middle" font-family="Arial,sans-serif" font-size="' . ( strlen( $mark ) > 4 ? 7 : 9 ) . '" font-weight="700" fill="#fff">' . esc_html( $mark ) . '</text></svg>';
	}

	/**
	 * Amount in minor units, in the shop's money format ("{{amount_with_comma_separator}} €").
	 *
	 * @param int    $cents  Amount in minor units.
	 * @param string $format Money format.
	 * @return string
	 */
	public function money( $cents, $format ) {
		$amount  = ( (int) $cents ) / 100;
		$formats = array(
			'amount'                                 => array( 2, ',', '.' ),
			'amount_no_decimals'                     => array( 0, ',', '.' ),
			'amount_with_comma_separator'            => array( 2, '.', ',' ),
			'amount_no_decimals_with_comma_separator' => array( 0, '.', ',' ),
			'amount_with_space_separator'            => array( 2, ' ', ',' ),
			'amount_no_decimals_with_space_separator' => array( 0, ' ', ',' ),
			'amount_with_apostrophe_separator'       => array( 2, "'", '.' ),
		);
		return preg_replace_callback(
			'/\{\{\s*(\w+)\s*\}\}/',
			static function ( $match ) use ( $formats, $amount ) {
				if ( ! isset( $formats[ $match[1] ] ) ) {
					return $match[0];
				}
				list( $decimals, $thousands, $decimal ) = $formats[ $match[1] ];
				return number_format( $amount, $decimals, $decimal, $thousands );
			},
			(string) $format
		);
	}

	/**
	 * The shop's policy of one kind.
	 *
	 * @param array  $shop   Shop context.
	 * @param string $handle refund_policy | shipping_policy | …
	 * @return string URL or ''.
	 */
	private function policy_url( array $shop, $handle ) {
		foreach ( isset( $shop['policies'] ) ? (array) $shop['policies'] : array() as $policy ) {
			if ( is_array( $policy ) && isset( $policy['handle'], $policy['url'] ) && $policy['handle'] === $handle ) {
				return (string) $policy['url'];
			}
		}
		return '';
	}

	/**
	 * Card brands among payment types: only these make "card details never shared" true.
	 *
	 * @var string[]
	 */
	const CARD_TYPES = array( 'visa', 'master', 'american_express', 'cartes_bancaires', 'maestro', 'discover', 'diners_club', 'jcb', 'unionpay', 'bancontact', 'dankort', 'elo', 'interac' );

	/**
	 * Payment block (blocks/payment.liquid): every claim follows the shop's settings. "Encrypted"
	 * only when the page is served over https, "card details never shared" only when a card brand
	 * comes from an enabled payment provider, the "Secure payment" heading only when both hold;
	 * with no payment icon and no claim, nothing is rendered.
	 *
	 * @param array  $block    Configuration.
	 * @param array  $shop     Shop context (payment_types, origin).
	 * @param string $classes  Section classes.
	 * @param string $title_id Title id.
	 * @return string
	 */
	private function payment( array $block, array $shop, $classes, $title_id ) {
		$types     = isset( $shop['payment_types'] ) ? array_values( array_filter( (array) $shop['payment_types'], 'is_string' ) ) : array();
		$origin    = isset( $shop['origin'] ) && is_string( $shop['origin'] ) ? strtolower( substr( $shop['origin'], 0, 8 ) ) : '';
		$encrypted = 'https://' === $origin;
		$cards     = count( array_intersect( $types, self::CARD_TYPES ) ) > 0;
		$claim     = '';
		if ( $encrypted && $cards ) {
			$claim = 'rassure.payment.secure';
		} elseif ( $encrypted ) {
			$claim = 'rassure.payment.encrypted';
		} elseif ( $cards ) {
			$claim = 'rassure.payment.cards_hosted';
		}
		if ( 0 === count( $types ) && '' === $claim ) {
			return '';
		}
		$html  = '<section class="' . esc_attr( $classes ) . '" aria-labelledby="' . esc_attr( $title_id ) . '">';
		$html .= $this->heading( $title_id, isset( $block['heading'] ) ? $block['heading'] : null, 'rassure.payment.secure' === $claim ? 'rassure.payment.heading' : 'rassure.payment.heading_plain' );
		if ( count( $types ) > 0 ) {
			$html .= '<ul class="rassure__payments" aria-label="' . $this->t( 'rassure.payment.methods' ) . '">';
			foreach ( $types as $type ) {
				$html .= '<li class="rassure__payment">' . $this->payment_icon( $type, 'rassure__payment-icon' ) . '</li>';
			}
			$html .= '</ul>';
		}
		if ( '' !== $claim ) {
			$html .= '<p class="rassure__item">' . $this->icon( $encrypted ? 'lock' : 'check' ) . '<span class="rassure__body"><span class="rassure__detail">' . $this->text( isset( $block['note'] ) ? $block['note'] : null, $claim ) . '</span></span></p>';
		}
		return $html . '</section>';
	}

	/**
	 * Promises block.
	 *
	 * @param array  $block    Configuration.
	 * @param array  $shop     Shop context.
	 * @param string $classes  Section classes.
	 * @param string $title_id Title id.
	 * @return string
	 */
	private function promises( array $block, array $shop, $classes, $title_id ) {
		$html  = '<section class="' . esc_attr( $classes ) . '" aria-labelledby="' . esc_attr( $title_id ) . '">';
		$html .= $this->heading( $title_id, isset( $block['heading'] ) ? $block['heading'] : null, 'rassure.promises.heading' );
		$html .= '<ul class="rassure__list">';
		foreach ( isset( $block['items'] ) && is_array( $block['items'] ) ? $block['items'] : array() as $item ) {
			if ( ! is_array( $item ) ) {
				continue;
			}
			list( $label, $detail, $url ) = $this->promise( $item, $shop );
			if ( '' === $label ) {
				continue;
			}
			$html .= '<li class="rassure__item">' . $this->icon( isset( $item['icon'] ) ? $item['icon'] : '' ) . '<span class="rassure__body">';
			$html .= '' !== $url
				? '<a class="rassure__label rassure__link" href="' . esc_url( $url ) . '">' . $label . '</a>'
				: '<span class="rassure__label">' . $label . '</span>';
			if ( '' !== $detail ) {
				$html .= '<span class="rassure__detail">' . $detail . '</span>';
			}
			$html .= '</span></li>';
		}
		return $html . '</ul></section>';
	}

	/**
	 * One promise as shoppers read it: its label and detail (the merchant's, else the defaults
	 * of blocks/promises.liquid) and the shop policy that states it ('' for a custom promise).
	 *
	 * @param array $item Promise configuration.
	 * @param array $shop Shop context.
	 * @return array Escaped label, escaped detail, policy URL.
	 */
	private function promise( array $item, array $shop ) {
		$label  = esc_html( $this->local( isset( $item['title'] ) ? $item['title'] : null ) );
		$detail = esc_html( $this->local( isset( $item['text'] ) ? $item['text'] : null ) );
		$days   = isset( $item['days'] ) ? (int) $item['days'] : 0;
		$url    = '';
		$kind   = isset( $item['kind'] ) ? $item['kind'] : '';
		if ( 'shipping' === $kind ) {
			$url       = $this->policy_url( $shop, 'shipping_policy' );
			$free_from = isset( $item['free_from'] ) ? (int) $item['free_from'] : 0;
			if ( '' === $label && $free_from > 0 ) {
				$label = $this->t( 'rassure.promises.shipping_free', array( 'amount' => $this->money( $free_from, isset( $shop['money_format'] ) ? $shop['money_format'] : '{{amount}}' ) ) );
			} elseif ( '' === $label ) {
				$label = $this->t( 'rassure.promises.shipping' );
			}
		} elseif ( 'returns' === $kind ) {
			$url = $this->policy_url( $shop, 'refund_policy' );
			if ( '' === $label ) {
				$label = $this->t( 'rassure.promises.returns', array( 'days' => $days ) );
			}
		} elseif ( 'withdrawal' === $kind ) {
			$url = $this->policy_url( $shop, 'refund_policy' );
			if ( '' === $label ) {
				$label = $this->t( 'rassure.promises.withdrawal', array( 'days' => $days ) );
			}
			if ( '' === $detail ) {
				$detail = $this->t( 'rassure.promises.withdrawal_detail', array( 'days' => $days ) );
			}
		}
		return array( $label, $detail, $url );
	}

	/**
	 * Delivery block: the same walk over days as blocks/delivery.liquid (from local noon, in the
	 * shop's time zone; ISO weekdays; holidays skipped).
	 *
	 * @param array  $block    Configuration.
	 * @param array  $context  Render context (now, timezone).
	 * @param string $classes  Section classes.
	 * @param string $title_id Title id.
	 * @return string
	 */
	private function delivery( array $block, array $context, $classes, $title_id ) {
		$zone = new DateTimeZone( isset( $context['timezone'] ) && is_string( $context['timezone'] ) && '' !== $context['timezone'] ? $context['timezone'] : 'UTC' );
		$now  = isset( $context['now'] ) ? (int) $context['now'] : time();
		$at   = static function ( $seconds, $format ) use ( $zone ) {
			$date = new DateTime( '@' . $seconds );
			return $date->setTimezone( $zone )->format( $format );
		};

		$since_midnight = (int) $at( $now, 'H' ) * 3600 + (int) $at( $now, 'i' ) * 60 + (int) $at( $now, 's' );
		$now_minutes    = intdiv( $since_midnight, 60 );
		$noon           = $now - $since_midnight + 43200;
		$ship_days      = $this->field( $block, 'ship_days' );
		$delivery_days  = $this->field( $block, 'delivery_days' );
		$holidays       = isset( $block['holidays'] ) && is_array( $block['holidays'] ) ? $block['holidays'] : array();
		$processing     = isset( $block['processing_days'] ) ? (int) $block['processing_days'] : 0;
		$cutoff_minutes = isset( $block['cutoff_minutes'] ) ? (int) $block['cutoff_minutes'] : 0;
		$transit_min    = isset( $block['transit_min'] ) ? (int) $block['transit_min'] : 0;
		$transit_max    = isset( $block['transit_max'] ) ? (int) $block['transit_max'] : 0;
		$stage          = 'receive';
		$count          = 0;
		$first_day      = null;
		$last_day       = null;
		for ( $i = 0; $i <= 90; $i++ ) {
			$day = $noon + $i * 86400;
			$dow = $at( $day, 'N' );
			if ( in_array( $at( $day, 'Y-m-d' ), $holidays, true ) ) {
				continue;
			}
			if ( 'receive' === $stage ) {
				if ( false !== strpos( $ship_days, $dow ) && ( $i > 0 || $now_minutes < $cutoff_minutes ) ) {
					$count = $processing;
					$stage = 0 === $count ? 'transit' : 'process';
				}
			} elseif ( 'process' === $stage ) {
				if ( false !== strpos( $ship_days, $dow ) ) {
					--$count;
					if ( 0 === $count ) {
						$stage = 'transit';
					}
				}
			} elseif ( false !== strpos( $delivery_days, $dow ) ) {
				++$count;
				if ( $count === $transit_min ) {
					$first_day = $day;
				}
				if ( $count === $transit_max ) {
					$last_day = $day;
					break;
				}
			}
		}

		$html  = '<section class="' . esc_attr( $classes ) . '" aria-labelledby="' . esc_attr( $title_id ) . '">';
		$html .= $this->heading( $title_id, isset( $block['heading'] ) ? $block['heading'] : null, 'rassure.delivery.heading' );
		$html .= '<p class="rassure__item">' . $this->icon( 'truck' ) . '<span class="rassure__body">';
		if ( null !== $last_day ) {
			$weekdays = explode( ',', $this->t( 'rassure.date.weekdays' ) );
			$months   = explode( ',', $this->t( 'rassure.date.months' ) );
			$name     = static function ( array $list, $index ) {
				return isset( $list[ $index ] ) ? $list[ $index ] : '';
			};
			$end      = '<time datetime="' . $at( $last_day, 'Y-m-d' ) . '">' . $name( $weekdays, (int) $at( $last_day, 'N' ) - 1 ) . ' ' . $at( $last_day, 'j' ) . ' ' . $name( $months, (int) $at( $last_day, 'n' ) - 1 ) . '</time>';
			$html    .= '<span class="rassure__label">';
			if ( $first_day === $last_day ) {
				$html .= $this->t( 'rassure.delivery.on' ) . ' ' . $end;
			} else {
				$first = null === $first_day ? $last_day : $first_day;
				$start = '<time datetime="' . $at( $first, 'Y-m-d' ) . '">' . $name( $weekdays, (int) $at( $first, 'N' ) - 1 ) . ' ' . $at( $first, 'j' );
				if ( $at( $first, 'm' ) !== $at( $last_day, 'm' ) ) {
					$start .= ' ' . $name( $months, (int) $at( $first, 'n' ) - 1 );
				}
				$start .= '</time>';
				$html  .= $this->t( 'rassure.delivery.between' ) . ' ' . $start . ' ' . $this->t( 'rassure.delivery.and' ) . ' ' . $end;
			}
			$html .= '</span>';
			if ( 0 === $processing ) {
				$html .= '<span class="rassure__detail">' . $this->t( 'rassure.delivery.cutoff', array( 'time' => $this->field( $block, 'cutoff' ) ) ) . '</span>';
			}
			$html .= '<span class="rassure__detail">' . $this->text( isset( $block['note'] ) ? $block['note'] : null, 'rassure.delivery.note' ) . '</span>';
		} else {
			$html .= '<span class="rassure__detail">' . $this->t( 'rassure.delivery.unavailable' ) . '</span>';
		}
		return $html . '</span></p></section>';
	}

	/**
	 * Contact block.
	 *
	 * @param array  $block    Configuration.
	 * @param string $classes  Section classes.
	 * @param string $title_id Title id.
	 * @return string
	 */
	private function contact( array $block, $classes, $title_id ) {
		$email = $this->field( $block, 'email' );
		$phone = $this->field( $block, 'phone' );
		$chat  = $this->field( $block, 'chat_url' );
		$form  = $this->field( $block, 'form_url' );
		$hours = esc_html( $this->local( isset( $block['hours'] ) ? $block['hours'] : null ) );
		$html  = '<section class="' . esc_attr( $classes ) . '" aria-labelledby="' . esc_attr( $title_id ) . '">';
		$html .= $this->heading( $title_id, isset( $block['heading'] ) ? $block['heading'] : null, 'rassure.contact.heading' );
		$html .= '<ul class="rassure__list">';
		if ( '' !== $email ) {
			$html .= '<li class="rassure__item">' . $this->icon( 'mail' ) . '<span class="rassure__body"><span class="rassure__label">' . $this->t( 'rassure.contact.email' ) . '</span><a class="rassure__link" href="' . esc_attr( 'mailto:' . $email ) . '">' . esc_html( $email ) . '</a></span></li>';
		}
		if ( '' !== $phone ) {
			$html .= '<li class="rassure__item">' . $this->icon( 'phone' ) . '<span class="rassure__body"><span class="rassure__label">' . $this->t( 'rassure.contact.phone' ) . '</span><a class="rassure__link" href="' . esc_attr( 'tel:' . str_replace( ' ', '', $phone ) ) . '">' . esc_html( $phone ) . '</a></span></li>';
		}
		if ( '' !== $chat ) {
			$html .= '<li class="rassure__item">' . $this->icon( 'chat' ) . '<span class="rassure__body"><a class="rassure__label rassure__link" href="' . esc_url( $chat ) . '">' . $this->t( 'rassure.contact.chat' ) . '</a></span></li>';
		}
		if ( '' !== $form ) {
			$html .= '<li class="rassure__item">' . $this->icon( 'document' ) . '<span class="rassure__body"><a class="rassure__label rassure__link" href="' . esc_url( $form ) . '">' . $this->t( 'rassure.contact.form' ) . '</a></span></li>';
		}
		$html .= '</ul>';
		if ( '' !== $hours ) {
			$html .= '<p class="rassure__item">' . $this->icon( 'clock' ) . '<span class="rassure__body"><span class="rassure__label">' . $this->t( 'rassure.contact.hours' ) . '</span><span class="rassure__detail">' . $hours . '</span></span></p>';
		}
		return $html . '</section>';
	}

	/**
	 * Legal links block.
	 *
	 * @param array  $block    Configuration.
	 * @param array  $shop     Shop context.
	 * @param string $classes  Nav classes.
	 * @param string $title_id Title id.
	 * @return string
	 */
	private function legal( array $block, array $shop, $classes, $title_id ) {
		$html  = '<nav class="' . esc_attr( $classes ) . '" aria-labelledby="' . esc_attr( $title_id ) . '">';
		$html .= $this->heading( $title_id, isset( $block['heading'] ) ? $block['heading'] : null, 'rassure.legal.heading' );
		$html .= '<ul class="rassure__list rassure__list--inline">';
		foreach ( isset( $shop['policies'] ) ? (array) $shop['policies'] : array() as $policy ) {
			if ( is_array( $policy ) && isset( $policy['url'], $policy['title'] ) ) {
				$html .= '<li class="rassure__item"><a class="rassure__link" href="' . esc_url( $policy['url'] ) . '">' . esc_html( $policy['title'] ) . '</a></li>';
			}
		}
		$withdrawal = $this->field( $block, 'withdrawal_form_url' );
		if ( '' !== $withdrawal ) {
			$html .= '<li class="rassure__item"><a class="rassure__link" href="' . esc_url( $withdrawal ) . '">' . $this->t( 'rassure.legal.withdrawal_form' ) . '</a></li>';
		}
		foreach ( isset( $block['links'] ) && is_array( $block['links'] ) ? $block['links'] : array() as $link ) {
			$label = is_array( $link ) ? esc_html( $this->local( isset( $link['label'] ) ? $link['label'] : null ) ) : '';
			if ( '' !== $label ) {
				$html .= '<li class="rassure__item"><a class="rassure__link" href="' . esc_url( $this->field( $link, 'url' ) ) . '">' . $label . '</a></li>';
			}
		}
		return $html . '</ul>';
	}

	/**
	 * "Company verified" inside the legal block (published only while the latest scan has the
	 * register confirming the SIREN; app/legal/company-badge.server.ts).
	 *
	 * @param array $config The published configuration.
	 * @return string
	 */
	private function company( array $config ) {
		$company = isset( $config['company'] ) && is_array( $config['company'] ) ? $config['company'] : array();
		$siren   = $this->field( $company, 'siren' );
		$name    = $this->field( $company, 'name' );
		if ( '' === $siren || '' === $name ) {
			return '';
		}
		$dates   = isset( $company['checked_on'] ) && is_array( $company['checked_on'] ) ? $company['checked_on'] : array();
		$checked = $this->local( $dates );
		if ( '' === $checked ) {
			$checked = $this->field( $dates, 'en' );
		}
		return '<p class="rassure__detail rassure__company">' . $this->t( 'rassure.legal.company_verified' )
			. ' <a class="rassure__link" href="' . esc_url( $this->field( $company, 'lookup_url' ) ) . '">' . esc_html( $name ) . ', SIREN ' . esc_html( $this->field( $company, 'siren_display' ) ) . '</a>'
			. ' (' . $this->t( 'rassure.legal.company_register' ) . ' ' . esc_html( $checked ) . ')</p>';
	}

	/**
	 * Site-wide bar (the app embed on Shopify), ending with a link to the trust page when the
	 * merchant asked for it (published only while the page is on).
	 *
	 * @param array  $block   Configuration.
	 * @param string $classes Aside classes.
	 * @param array  $context Render context (trust_page_url).
	 * @return string
	 */
	private function bar( array $block, $classes, array $context ) {
		$html = '<aside class="' . esc_attr( $classes ) . '" aria-label="' . $this->t( 'rassure.bar.label' ) . '"><ul class="rassure__list">';
		foreach ( isset( $block['items'] ) && is_array( $block['items'] ) ? $block['items'] : array() as $item ) {
			$label = is_array( $item ) ? esc_html( $this->local( isset( $item['text'] ) ? $item['text'] : null ) ) : '';
			if ( '' !== $label ) {
				$html .= '<li class="rassure__item">' . $this->icon( isset( $item['icon'] ) ? $item['icon'] : '' ) . '<span class="rassure__label">' . $label . '</span></li>';
			}
		}
		$trust_url = isset( $context['trust_page_url'] ) && is_string( $context['trust_page_url'] ) ? $context['trust_page_url'] : '';
		if ( ! empty( $block['trust_page_link'] ) && '' !== $trust_url ) {
			$html .= '<li class="rassure__item">' . $this->icon( 'shield' ) . '<a class="rassure__label rassure__link" href="' . esc_url( $trust_url ) . '">' . $this->t( 'rassure.bar.trust_page' ) . '</a></li>';
		}
		return $html . '</ul></aside>';
	}

	/**
	 * Brand names of the trust labels a merchant may attest (a mediator is named by the merchant).
	 *
	 * @var array
	 */
	const TRUST_LABEL_NAMES = array(
		'fianet'        => 'FIA-Net',
		'fevad'         => 'Fevad',
		'trusted_shops' => 'Trusted Shops',
	);

	/**
	 * One group of the partners block: a sub-heading and its content.
	 *
	 * @param string $title_key Locale key of the sub-heading.
	 * @param string $content   HTML.
	 * @return string
	 */
	private function partner_group( $title_key, $content ) {
		return '<div class="rassure__group"><h3 class="rassure__title rassure__subtitle">' . $this->t( $title_key ) . '</h3>' . $content . '</div>';
	}

	/**
	 * Partners block (blocks/partners.liquid): payment methods the checkout accepts (plus
	 * Cartes Bancaires for French shops taking cards), carriers seen on recent shipments, the
	 * host, and the merchant's attested labels until their expiry date (compared with today in
	 * the shop's time zone, as Liquid's `'now' | date` does).
	 *
	 * @param array  $block    Configuration.
	 * @param array  $shop     Shop context.
	 * @param array  $context  Render context (now, timezone).
	 * @param string $classes  Section classes.
	 * @param string $title_id Title id.
	 * @return string
	 */
	private function partners( array $block, array $shop, array $context, $classes, $title_id ) {
		$zone  = new DateTimeZone( isset( $context['timezone'] ) && is_string( $context['timezone'] ) && '' !== $context['timezone'] ? $context['timezone'] : 'UTC' );
		$today = ( new DateTime( '@' . ( isset( $context['now'] ) ? (int) $context['now'] : time() ) ) )->setTimezone( $zone )->format( 'Y-m-d' );
		$types = isset( $shop['payment_types'] ) ? array_values( array_filter( (array) $shop['payment_types'], 'is_string' ) ) : array();
		$cards = in_array( 'visa', $types, true ) || in_array( 'master', $types, true );
		if ( isset( $shop['country'] ) && 'FR' === $shop['country'] && $cards && ! in_array( 'cartes_bancaires', $types, true ) ) {
			array_unshift( $types, 'cartes_bancaires' );
		}

		$html  = '<section class="' . esc_attr( $classes ) . '" aria-labelledby="' . esc_attr( $title_id ) . '">';
		$html .= $this->heading( $title_id, isset( $block['heading'] ) ? $block['heading'] : null, 'rassure.partners.heading' );
		if ( count( $types ) > 0 ) {
			$icons = '';
			foreach ( $types as $type ) {
				$icons .= '<li class="rassure__payment">' . $this->payment_icon( $type, 'rassure__payment-icon' ) . '</li>';
			}
			$html .= $this->partner_group( 'rassure.partners.payment', '<ul class="rassure__payments" aria-label="' . $this->t( 'rassure.payment.methods' ) . '">' . $icons . '</ul>' );
		}
		$carriers = isset( $block['carriers'] ) && is_array( $block['carriers'] ) ? array_filter( $block['carriers'], 'is_string' ) : array();
		if ( count( $carriers ) > 0 ) {
			$items = '';
			foreach ( $carriers as $carrier ) {
				$items .= '<li class="rassure__item">' . $this->icon( 'truck' ) . '<span class="rassure__label">' . esc_html( $carrier ) . '</span></li>';
			}
			$html .= $this->partner_group( 'rassure.partners.carriers', '<ul class="rassure__list rassure__list--inline">' . $items . '</ul>' );
		}
		$host = $this->field( $block, 'host' );
		if ( '' !== $host ) {
			$html .= $this->partner_group( 'rassure.partners.hosting', '<p class="rassure__item">' . $this->icon( 'lock' ) . '<span class="rassure__label">' . $this->t( 'rassure.partners.hosted_by', array( 'host' => $host ) ) . '</span></p>' );
		}
		$months = explode( ',', $this->t( 'rassure.date.months' ) );
		$items  = '';
		foreach ( isset( $block['labels'] ) && is_array( $block['labels'] ) ? $block['labels'] : array() as $label ) {
			$expires = is_array( $label ) ? $this->field( $label, 'expires_on' ) : '';
			$proof   = is_array( $label ) ? $this->field( $label, 'proof_url' ) : '';
			if ( '' === $proof || ! preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/', $expires, $date ) || $expires < $today ) {
				continue;
			}
			$kind  = $this->field( $label, 'kind' );
			$name  = isset( self::TRUST_LABEL_NAMES[ $kind ] ) ? esc_html( self::TRUST_LABEL_NAMES[ $kind ] ) : $this->t( 'rassure.partners.mediator', array( 'name' => $this->field( $label, 'name' ) ) );
			$month = isset( $months[ (int) $date[2] - 1 ] ) ? $months[ (int) $date[2] - 1 ] : '';
			$items .= '<li class="rassure__item">' . $this->icon( 'shield' ) . '<span class="rassure__body"><a class="rassure__label rassure__link" href="' . esc_url( $proof ) . '">' . $name . '</a>'
				. '<span class="rassure__detail">' . $this->t( 'rassure.partners.valid_until' ) . ' <time datetime="' . esc_attr( $expires ) . '">' . (int) $date[3] . ' ' . $month . ' ' . esc_html( $date[1] ) . '</time></span></span></li>';
		}
		if ( '' !== $items ) {
			$html .= $this->partner_group( 'rassure.partners.labels', '<ul class="rassure__list rassure__list--inline">' . $items . '</ul>' );
		}
		return $html . '</section>';
	}

	/**
	 * Reviews summary (blocks/reviews.liquid). On a product page (unless the settings ask for the
	 * shop's figure): the product's native average rating and count. Elsewhere: the shop-wide
	 * aggregate (Rassure_Shop_Context::shop_reviews, each product weighted by its ratings), with
	 * the number of products. Nothing without at least one rating. One decimal from integer
	 * arithmetic, like the Liquid.
	 *
	 * @param array  $block    Configuration.
	 * @param array  $context  Render context (product: null off product pages; shop_reviews; settings.source).
	 * @param string $classes  Section classes.
	 * @param string $title_id Title id.
	 * @return string
	 */
	private function reviews( array $block, array $context, $classes, $title_id ) {
		$settings = isset( $context['settings'] ) && is_array( $context['settings'] ) ? $context['settings'] : array();
		$source   = $this->choice( isset( $settings['source'] ) ? $settings['source'] : '', array( 'auto', 'shop' ), 'auto' );
		if ( isset( $context['product'] ) && is_array( $context['product'] ) && 'shop' !== $source ) {
			$product  = $context['product'];
			$count    = isset( $product['rating_count'] ) ? (int) $product['rating_count'] : 0;
			$products = 0;
			$tenths   = isset( $product['rating'] ) && is_numeric( $product['rating'] ) ? (int) round( (float) $product['rating'] * 10 ) : null;
			$max      = (int) round( isset( $product['scale_max'] ) ? (float) $product['scale_max'] : 5 );
		} else {
			$shop     = isset( $context['shop_reviews'] ) && is_array( $context['shop_reviews'] ) ? $context['shop_reviews'] : array();
			$count    = isset( $shop['reviews'] ) ? (int) $shop['reviews'] : 0;
			$products = isset( $shop['products'] ) ? (int) $shop['products'] : 0;
			$tenths   = isset( $shop['ratingTenths'] ) && is_numeric( $shop['ratingTenths'] ) ? (int) $shop['ratingTenths'] : null;
			$max      = (int) round( isset( $shop['scaleMax'] ) ? (float) $shop['scaleMax'] : 5 );
		}
		if ( null === $tenths || $count < 1 ) {
			return '';
		}
		$shown = intdiv( $tenths, 10 ) . $this->t( 'rassure.reviews.decimal' ) . ( $tenths % 10 );
		if ( 1 === $count ) {
			$label = $this->t( 'rassure.reviews.summary_one', array( 'rating' => $shown, 'max' => $max ) );
		} elseif ( 1 === $products ) {
			$label = $this->t( 'rassure.reviews.shop_summary_one_product', array( 'rating' => $shown, 'max' => $max, 'count' => $count ) );
		} elseif ( $products > 1 ) {
			$label = $this->t( 'rassure.reviews.shop_summary_other', array( 'rating' => $shown, 'max' => $max, 'count' => $count, 'products' => $products ) );
		} else {
			$label = $this->t( 'rassure.reviews.summary_other', array( 'rating' => $shown, 'max' => $max, 'count' => $count ) );
		}
		$url   = $this->field( $block, 'url' );
		$html  = '<section class="' . esc_attr( $classes ) . '" aria-labelledby="' . esc_attr( $title_id ) . '">';
		$html .= $this->heading( $title_id, isset( $block['heading'] ) ? $block['heading'] : null, 'rassure.reviews.heading' );
		$html .= '<p class="rassure__item">' . $this->icon( 'star' ) . '<span class="rassure__body"><span class="rassure__label">' . $label . '</span>';
		if ( '' !== $url ) {
			$html .= '<a class="rassure__detail rassure__link" href="' . esc_url( $url ) . '">' . $this->t( 'rassure.reviews.read' ) . '</a>';
		}
		return $html . '</span></p></section>';
	}

	/**
	 * Physical store block (blocks/store.liquid): published only with an address from the
	 * platform; directions are a plain OpenStreetMap link (no map script).
	 *
	 * @param array  $block    Configuration.
	 * @param string $classes  Section classes.
	 * @param string $title_id Title id.
	 * @return string
	 */
	private function store( array $block, $classes, $title_id ) {
		$name  = $this->field( $block, 'name' );
		$hours = esc_html( $this->local( isset( $block['hours'] ) ? $block['hours'] : null ) );
		$alt   = $this->local( isset( $block['photo_alt'] ) ? $block['photo_alt'] : null );
		$alt   = '' === $alt ? $this->t( 'rassure.store.photo_alt', array( 'name' => $name ) ) : esc_attr( $alt );
		$photo = $this->field( $block, 'photo_url' );
		$lines = array();
		foreach ( isset( $block['address_lines'] ) && is_array( $block['address_lines'] ) ? $block['address_lines'] : array() as $line ) {
			$lines[] = esc_html( (string) $line );
		}
		$html = '<section class="' . esc_attr( $classes ) . '" aria-labelledby="' . esc_attr( $title_id ) . '">';
		$html .= $this->heading( $title_id, isset( $block['heading'] ) ? $block['heading'] : null, 'rassure.store.heading' );
		if ( '' !== $photo ) {
			$html .= '<img class="rassure__photo" src="' . esc_url( $photo ) . '" alt="' . $alt . '" width="480" height="320" loading="lazy" decoding="async">';
		}
		$html .= '<p class="rassure__item">' . $this->icon( 'pin' ) . '<span class="rassure__body"><span class="rassure__label">' . esc_html( $name ) . '</span>'
			. '<span class="rassure__detail">' . implode( '<br>', $lines ) . '</span>'
			. '<a class="rassure__detail rassure__link" href="' . esc_url( $this->field( $block, 'directions_url' ) ) . '">' . $this->t( 'rassure.store.directions' ) . '</a></span></p>';
		if ( '' !== $hours ) {
			$html .= '<p class="rassure__item">' . $this->icon( 'clock' ) . '<span class="rassure__body"><span class="rassure__label">' . $this->t( 'rassure.store.hours' ) . '</span><span class="rassure__detail">' . $hours . '</span></span></p>';
		}
		return $html . '</section>';
	}

	/**
	 * The public trust page (app/trust-page/trust-page.server.ts writes the same markup as
	 * Liquid for Shopify): only what the published configuration and the shop's settings back —
	 * the register-confirmed company, the contact channels, the promises a shop policy states,
	 * the policies, the payment methods, HTTPS and the last scan as published with their dates.
	 * The sections are the merchant's choice; '' while the page is off.
	 *
	 * @param array|null $config  The published configuration.
	 * @param array      $context Render context (shop).
	 * @return string HTML.
	 */
	public function trust_page( $config, array $context ) {
		$page = is_array( $config ) && isset( $config['trust_page'] ) && is_array( $config['trust_page'] ) ? $config['trust_page'] : array();
		if ( empty( $page['enabled'] ) ) {
			return '';
		}
		$sections = isset( $page['sections'] ) && is_array( $page['sections'] ) ? $page['sections'] : array();
		$shop     = isset( $context['shop'] ) && is_array( $context['shop'] ) ? $context['shop'] : array();
		$html     = '';
		if ( in_array( 'identity', $sections, true ) ) {
			$company = $this->company( $config );
			$html   .= '' === $company ? '' : $this->trust_section( 'identity', $company );
		}
		if ( in_array( 'contact', $sections, true ) && self::block_on( $config, 'contact' ) ) {
			$html .= $this->trust_contact( $config['contact'] );
		}
		if ( in_array( 'promises', $sections, true ) && self::block_on( $config, 'promises' ) ) {
			$html .= $this->trust_promises( $config['promises'], $shop );
		}
		if ( in_array( 'policies', $sections, true ) ) {
			$items = '';
			foreach ( isset( $shop['policies'] ) ? (array) $shop['policies'] : array() as $policy ) {
				if ( is_array( $policy ) && isset( $policy['url'], $policy['title'] ) ) {
					$items .= '<li class="rassure__item"><a class="rassure__link" href="' . esc_url( $policy['url'] ) . '">' . esc_html( $policy['title'] ) . '</a></li>';
				}
			}
			$html .= '' === $items ? '' : $this->trust_section( 'policies', '<ul class="rassure__list rassure__list--inline">' . $items . '</ul>' );
		}
		if ( in_array( 'payments', $sections, true ) ) {
			$icons = '';
			foreach ( isset( $shop['payment_types'] ) ? array_filter( (array) $shop['payment_types'], 'is_string' ) : array() as $type ) {
				$icons .= '<li class="rassure__payment">' . $this->payment_icon( $type, 'rassure__payment-icon' ) . '</li>';
			}
			$html .= '' === $icons ? '' : $this->trust_section( 'payments', '<ul class="rassure__payments">' . $icons . '</ul>' );
		}
		$https = $this->local( isset( $page['https_checked_on'] ) ? $page['https_checked_on'] : null );
		if ( in_array( 'https', $sections, true ) && '' !== $https ) {
			$html .= $this->trust_section( 'https', '<p class="rassure__detail">' . $this->t( 'rassure.trust.https_on', array( 'date' => $https ) ) . '</p>' );
		}
		$scan    = isset( $page['scan'] ) && is_array( $page['scan'] ) ? $page['scan'] : array();
		$grade   = $this->field( $scan, 'grade' );
		$checked = $this->local( isset( $scan['checked_on'] ) ? $scan['checked_on'] : null );
		if ( in_array( 'scan', $sections, true ) && '' !== $grade && '' !== $checked ) {
			$html .= $this->trust_section( 'scan', '<p class="rassure__detail">' . $this->t( 'rassure.trust.scan_grade', array( 'grade' => $grade, 'date' => $checked ) ) . '</p>' );
		}
		return '<div class="rassure rassure--page"><h1 class="rassure__title rassure__page-title">' . $this->t( 'rassure.trust.title' ) . '</h1>'
			. '<p class="rassure__detail">' . $this->t( 'rassure.trust.intro' ) . '</p>' . $html . '</div>';
	}

	/**
	 * One section of the trust page.
	 *
	 * @param string $id   Section id (its title's locale key under rassure.trust).
	 * @param string $body HTML.
	 * @return string
	 */
	private function trust_section( $id, $body ) {
		return '<section class="rassure__section" aria-labelledby="rassure-trust-' . $id . '"><h2 class="rassure__title" id="rassure-trust-' . $id . '">' . $this->t( 'rassure.trust.' . $id ) . '</h2>' . $body . '</section>';
	}

	/**
	 * The trust page's contact channels and hours.
	 *
	 * @param array $contact Contact configuration.
	 * @return string
	 */
	private function trust_contact( array $contact ) {
		$email = $this->field( $contact, 'email' );
		$phone = $this->field( $contact, 'phone' );
		$chat  = $this->field( $contact, 'chat_url' );
		$form  = $this->field( $contact, 'form_url' );
		$hours = esc_html( $this->local( isset( $contact['hours'] ) ? $contact['hours'] : null ) );
		$items = array();
		if ( '' !== $email ) {
			$items[] = '<span class="rassure__label">' . $this->t( 'rassure.contact.email' ) . '</span><a class="rassure__link" href="' . esc_attr( 'mailto:' . $email ) . '">' . esc_html( $email ) . '</a>';
		}
		if ( '' !== $phone ) {
			$items[] = '<span class="rassure__label">' . $this->t( 'rassure.contact.phone' ) . '</span><a class="rassure__link" href="' . esc_attr( 'tel:' . str_replace( ' ', '', $phone ) ) . '">' . esc_html( $phone ) . '</a>';
		}
		if ( '' !== $chat ) {
			$items[] = '<a class="rassure__label rassure__link" href="' . esc_url( $chat ) . '">' . $this->t( 'rassure.contact.chat' ) . '</a>';
		}
		if ( '' !== $form ) {
			$items[] = '<a class="rassure__label rassure__link" href="' . esc_url( $form ) . '">' . $this->t( 'rassure.contact.form' ) . '</a>';
		}
		if ( '' !== $hours ) {
			$items[] = '<span class="rassure__label">' . $this->t( 'rassure.contact.hours' ) . '</span><span class="rassure__detail">' . $hours . '</span>';
		}
		return array() === $items ? '' : $this->trust_section( 'contact', '<ul class="rassure__list"><li class="rassure__item"><span class="rassure__body">' . implode( '</span></li><li class="rassure__item"><span class="rassure__body">', $items ) . '</span></li></ul>' );
	}

	/**
	 * The trust page's promises: only those a policy of the shop states (shipping → shipping
	 * policy, returns and withdrawal → refund policy), linked to it; a free-shipping amount the
	 * shop's shipping settings back (free_from_checked_on, published only then) also without a
	 * policy, citing the settings; custom promises stay out. Same markup as trust-page.server.ts.
	 *
	 * @param array $promises Promises configuration.
	 * @param array $shop     Shop context.
	 * @return string
	 */
	private function trust_promises( array $promises, array $shop ) {
		$items = '';
		foreach ( isset( $promises['items'] ) && is_array( $promises['items'] ) ? $promises['items'] : array() as $item ) {
			if ( ! is_array( $item ) ) {
				continue;
			}
			list( $label, $detail, $url ) = $this->promise( $item, $shop );
			$checked_on                   = 'shipping' === ( isset( $item['kind'] ) ? $item['kind'] : '' ) && isset( $item['free_from'] ) && (int) $item['free_from'] > 0
				? $this->local( isset( $item['free_from_checked_on'] ) ? $item['free_from_checked_on'] : null ) : '';
			if ( '' !== $checked_on ) {
				$detail = $this->t( 'rassure.trust.shipping_settings', array( 'date' => $checked_on ) );
			}
			if ( ( '' === $url && '' === $checked_on ) || '' === $label ) {
				continue;
			}
			$label_markup = '' !== $url ? '<a class="rassure__label rassure__link" href="' . esc_url( $url ) . '">' . $label . '</a>' : '<span class="rassure__label">' . $label . '</span>';
			$items       .= '<li class="rassure__item"><span class="rassure__body">' . $label_markup
				. ( '' !== $detail ? '<span class="rassure__detail">' . $detail . '</span>' : '' ) . '</span></li>';
		}
		return '' === $items ? '' : $this->trust_section( 'promises', '<ul class="rassure__list">' . $items . '</ul>' );
	}
}
