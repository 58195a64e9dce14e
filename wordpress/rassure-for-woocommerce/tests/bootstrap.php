<?php
/**
 * Minimal WordPress shims for testing the plugin with php-cli and Debian's phpunit, without a
 * WordPress install (Debian's is too old for current WooCommerce). The escaping functions keep
 * WordPress's behaviour for what the plugin relies on: esc_html/esc_attr encode the five HTML
 * special characters (without double-encoding entities), esc_url keeps only allowed protocols
 * and encodes `&` as `&#038;`.
 *
 * @package Rassure
 */

define( 'ABSPATH', __DIR__ . '/' );

$GLOBALS['rassure_test'] = array(
	'options' => array(),
	'actions' => array(),
	'routes'  => array(),
	'blocks'  => array(),
	'caps'    => array(),
	'user'    => 0,
	'locale'  => 'fr_FR',
);

function esc_html( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8', false );
}
function esc_attr( $text ) {
	return esc_html( $text );
}
function esc_url( $url, $protocols = null ) {
	$url = trim( (string) $url );
	if ( '' === $url ) {
		return '';
	}
	$url = preg_replace( '|[^a-z0-9-~+_.?#=!&;,/:%@$\|*\'()\[\]\\x80-\\xff]|i', '', $url );
	if ( preg_match( '/^([a-z][a-z0-9+.-]*):/i', $url, $m ) ) {
		$allowed = null === $protocols ? array( 'http', 'https', 'mailto', 'tel' ) : $protocols;
		if ( ! in_array( strtolower( $m[1] ), $allowed, true ) ) {
			return '';
		}
	} elseif ( ! in_array( $url[0], array( '/', '#', '?' ), true ) ) {
		$url = 'http://' . $url;
	}
	return str_replace( array( '&amp;', '&', "'" ), array( '&#038;', '&#038;', '&#039;' ), $url );
}
function esc_url_raw( $url, $protocols = null ) {
	return str_replace( '&#038;', '&', esc_url( $url, $protocols ) );
}
function esc_html__( $text, $domain = 'default' ) {
	return esc_html( $text );
}
function __( $text, $domain = 'default' ) {
	return $text;
}
function sanitize_text_field( $text ) {
	return trim( preg_replace( '/[\r\n\t ]+/', ' ', strip_tags( (string) $text ) ) );
}
function wp_json_encode( $data ) {
	return json_encode( $data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
}
function get_option( $name, $default = false ) {
	return array_key_exists( $name, $GLOBALS['rassure_test']['options'] ) ? $GLOBALS['rassure_test']['options'][ $name ] : $default;
}
function update_option( $name, $value, $autoload = null ) {
	$GLOBALS['rassure_test']['options'][ $name ] = $value;
	return true;
}
function delete_option( $name ) {
	unset( $GLOBALS['rassure_test']['options'][ $name ] );
	return true;
}
function add_action( $hook, $callback, $priority = 10, $args = 1 ) {
	$GLOBALS['rassure_test']['actions'][ $hook ][] = array( $callback, $priority );
	return true;
}
function add_filter( $hook, $callback, $priority = 10, $args = 1 ) {
	return add_action( $hook, $callback, $priority, $args );
}
function apply_filters( $hook, $value ) {
	return $value;
}
function current_user_can( $capability ) {
	return in_array( $capability, $GLOBALS['rassure_test']['caps'], true );
}
function is_user_logged_in() {
	return $GLOBALS['rassure_test']['user'] > 0;
}
function get_current_user_id() {
	return $GLOBALS['rassure_test']['user'];
}
function determine_locale() {
	return $GLOBALS['rassure_test']['locale'];
}
function wp_timezone_string() {
	return 'Europe/Paris';
}
function home_url( $path = '' ) {
	return 'https://savonnerie.example' . $path;
}
function trailingslashit( $value ) {
	return rtrim( $value, '/\\' ) . '/';
}
function add_query_arg( array $args, $url ) {
	$pairs = array();
	foreach ( $args as $key => $value ) {
		$pairs[] = $key . '=' . $value;
	}
	return $url . ( false === strpos( $url, '?' ) ? '?' : '&' ) . implode( '&', $pairs );
}
function register_rest_route( $namespace, $route, $args ) {
	$GLOBALS['rassure_test']['routes'][ $namespace . $route ] = isset( $args['methods'] ) ? array( $args ) : $args;
	return true;
}
function register_block_type( $path, $args = array() ) {
	$GLOBALS['rassure_test']['blocks'][ $path ] = $args;
	return true;
}
function rest_ensure_response( $data ) {
	return new WP_REST_Response( $data );
}
/**
 * wp_kses stand-in that refuses (throws on) any tag or attribute outside the allowed list, so
 * the tests prove WordPress's real wp_kses would keep the blocks' markup intact.
 */
function wp_kses( $html, $allowed, $protocols = array() ) {
	$dom = new DOMDocument();
	$dom->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>', LIBXML_NOERROR );
	foreach ( ( new DOMXPath( $dom ) )->query( '//body//*' ) as $node ) {
		$tag = strtolower( $node->nodeName );
		if ( ! isset( $allowed[ $tag ] ) ) {
			throw new RuntimeException( "wp_kses would strip <$tag>" );
		}
		foreach ( $node->attributes as $attribute ) {
			if ( ! isset( $allowed[ $tag ][ strtolower( $attribute->nodeName ) ] ) ) {
				throw new RuntimeException( "wp_kses would strip $tag@{$attribute->nodeName}" );
			}
		}
	}
	return $html;
}
function wp_die( $message ) {
	throw new RuntimeException( (string) $message );
}

class WP_Error {
	public $code;
	public $message;
	public $data;
	public function __construct( $code, $message, $data = null ) {
		$this->code    = $code;
		$this->message = $message;
		$this->data    = $data;
	}
}
class WP_REST_Response {
	public $data;
	public function __construct( $data ) {
		$this->data = $data;
	}
}
class WP_REST_Request {
	private $params;
	public function __construct( array $params ) {
		$this->params = $params;
	}
	public function get_param( $name ) {
		return isset( $this->params[ $name ] ) ? $this->params[ $name ] : null;
	}
}

define( 'RASSURE_WC_VERSION', '1.0.0' );
define( 'RASSURE_WC_FILE', dirname( __DIR__ ) . '/rassure-for-woocommerce.php' );
foreach ( array( 'options', 'renderer', 'shop-context', 'rest', 'storefront', 'tracking', 'admin' ) as $rassure_part ) {
	require_once dirname( __DIR__ ) . '/includes/class-rassure-' . $rassure_part . '.php';
}
