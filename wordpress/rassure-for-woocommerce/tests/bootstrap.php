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
	'ssl'     => false,
	// is_product(): the current request is a single product page.
	'is_product' => false,
	// The facts route's internal dispatches (rest_do_request below).
	'internal'   => array(),
	'dispatched' => array(),
	'namespaces' => array(),
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
	$GLOBALS['rassure_test']['actions'][ $hook ][] = array( $callback, $priority, $args );
	return true;
}
function add_filter( $hook, $callback, $priority = 10, $args = 1 ) {
	return add_action( $hook, $callback, $priority, $args );
}
/** The callbacks of a hook in WordPress's order: by priority, then in the order they were added. */
function rassure_test_callbacks( $hook ) {
	$callbacks = isset( $GLOBALS['rassure_test']['actions'][ $hook ] ) ? $GLOBALS['rassure_test']['actions'][ $hook ] : array();
	$order     = array_keys( $callbacks );
	usort(
		$order,
		static function ( $a, $b ) use ( $callbacks ) {
			return $callbacks[ $a ][1] <=> $callbacks[ $b ][1] ?: $a <=> $b;
		}
	);
	return array_map(
		static function ( $i ) use ( $callbacks ) {
			return $callbacks[ $i ];
		},
		$order
	);
}
function apply_filters( $hook, $value, ...$args ) {
	foreach ( rassure_test_callbacks( $hook ) as $callback ) {
		$value = call_user_func_array( $callback[0], array_slice( array_merge( array( $value ), $args ), 0, isset( $callback[2] ) ? $callback[2] : 1 ) );
	}
	return $value;
}
function do_action( $hook, ...$args ) {
	foreach ( rassure_test_callbacks( $hook ) as $callback ) {
		call_user_func_array( $callback[0], array_slice( $args, 0, isset( $callback[2] ) ? $callback[2] : 1 ) );
	}
}
function is_product() {
	return $GLOBALS['rassure_test']['is_product'];
}
/** A capability in the test's list, or a meta capability on one object ("edit_user:7"). */
function current_user_can( $capability, ...$args ) {
	$caps = $GLOBALS['rassure_test']['caps'];
	return in_array( $capability, $caps, true ) || ( $args && in_array( $capability . ':' . $args[0], $caps, true ) );
}
function absint( $value ) {
	return abs( (int) $value );
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
function is_ssl() {
	return $GLOBALS['rassure_test']['ssl'];
}
function wp_parse_url( $url, $component = -1 ) {
	return parse_url( $url, $component );
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
	private $status;
	private $headers;
	public function __construct( $data = null, $status = 200, $headers = array() ) {
		$this->data    = $data;
		$this->status  = $status;
		$this->headers = $headers;
	}
	public function get_status() {
		return $this->status;
	}
	public function get_headers() {
		return $this->headers;
	}
	public function get_data() {
		return $this->data;
	}
}
/** Built either as WordPress does (method, route) or, in the handler tests, from its parameters. */
class WP_REST_Request {
	private $params;
	private $route;
	public function __construct( $method_or_params = 'GET', $route = '' ) {
		$this->params = is_array( $method_or_params ) ? $method_or_params : array();
		$this->route  = $route;
	}
	public function get_param( $name ) {
		return isset( $this->params[ $name ] ) ? $this->params[ $name ] : null;
	}
	public function set_query_params( $params ) {
		$this->params = $params;
	}
	public function get_query_params() {
		return $this->params;
	}
	public function get_route() {
		return $this->route;
	}
}
/**
 * rest_do_request stand-in: routes registered by a test in $GLOBALS['rassure_test']['internal']
 * (route => callable(WP_REST_Request): WP_REST_Response), every dispatch recorded; an unknown
 * route answers WordPress's 404 rest_no_route.
 */
function rest_do_request( $request ) {
	$GLOBALS['rassure_test']['dispatched'][] = array( $request->get_route(), $request->get_query_params() );
	$handler = isset( $GLOBALS['rassure_test']['internal'][ $request->get_route() ] ) ? $GLOBALS['rassure_test']['internal'][ $request->get_route() ] : null;
	if ( null === $handler ) {
		return new WP_REST_Response( array( 'code' => 'rest_no_route', 'message' => 'No route was found matching the URL and request method.', 'data' => array( 'status' => 404 ) ), 404 );
	}
	return $handler( $request );
}
class Rassure_Test_Rest_Server {
	public function response_to_data( $response, $embed ) {
		return $response->get_data();
	}
	public function get_namespaces() {
		return $GLOBALS['rassure_test']['namespaces'];
	}
}
function rest_get_server() {
	return new Rassure_Test_Rest_Server();
}

/**
 * $wpdb stand-in for WooCommerce's key table: rows in $GLOBALS['rassure_test']['api_keys']
 * (key_id => object), the one prepared SELECT by key_id and DELETE by key_id the plugin sends.
 */
class Rassure_Test_Wpdb {
	public $prefix = 'wp_';
	public function prepare( $query, ...$args ) {
		return vsprintf( $query, array_map( 'intval', $args ) );
	}
	public function get_row( $query ) {
		if ( ! preg_match( '/FROM wp_woocommerce_api_keys WHERE key_id = (\d+)$/', $query, $m ) ) {
			throw new RuntimeException( "unexpected query: $query" );
		}
		return isset( $GLOBALS['rassure_test']['api_keys'][ (int) $m[1] ] ) ? $GLOBALS['rassure_test']['api_keys'][ (int) $m[1] ] : null;
	}
	public function delete( $table, $where, $format ) {
		if ( 'wp_woocommerce_api_keys' !== $table || array( '%d' ) !== $format ) {
			throw new RuntimeException( "unexpected delete from $table" );
		}
		unset( $GLOBALS['rassure_test']['api_keys'][ $where['key_id'] ] );
		return 1;
	}
}
$GLOBALS['wpdb'] = new Rassure_Test_Wpdb();

define( 'RASSURE_WC_VERSION', '1.1.0' );
define( 'RASSURE_WC_FILE', dirname( __DIR__ ) . '/rassure-for-woocommerce.php' );
require_once __DIR__ . '/shims/posts.php';
require_once __DIR__ . '/shims/theme.php';
require_once __DIR__ . '/shims/products.php';
foreach ( array( 'options', 'renderer', 'shop-context', 'facts', 'rest', 'legal-pages', 'storefront', 'trust-page', 'tracking', 'admin' ) as $rassure_part ) {
	require_once dirname( __DIR__ ) . '/includes/class-rassure-' . $rassure_part . '.php';
}
