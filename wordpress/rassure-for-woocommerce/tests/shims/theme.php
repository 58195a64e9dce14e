<?php
/**
 * Theme, rewrite and query shims for the trust page tests: the theme's header and footer print
 * markers, the query variable and the block-theme switch come from $GLOBALS['rassure_test'],
 * and every status, rewrite rule, flush and shortcode is recorded there.
 *
 * @package Rassure
 */

$GLOBALS['rassure_test'] += array(
	'query_vars'  => array(),
	'status'      => null,
	'rewrites'    => array(),
	'flushes'     => 0,
	'shortcodes'  => array(),
	'block_theme' => false,
);

/** WP_Query stand-in: only the 404 switch the page uses. */
class Rassure_Test_Query {
	public $is_404 = false;
	public function set_404() {
		$this->is_404 = true;
	}
}
$GLOBALS['wp_query'] = new Rassure_Test_Query();

function get_query_var( $name, $default = '' ) {
	return isset( $GLOBALS['rassure_test']['query_vars'][ $name ] ) ? $GLOBALS['rassure_test']['query_vars'][ $name ] : $default;
}
function status_header( $code ) {
	$GLOBALS['rassure_test']['status'] = $code;
}
function nocache_headers() {
}
function get_locale() {
	return $GLOBALS['rassure_test']['locale'];
}
function add_rewrite_rule( $regex, $query, $after = 'bottom' ) {
	$GLOBALS['rassure_test']['rewrites'][ $regex ] = $query;
}
function flush_rewrite_rules( $hard = true ) {
	++$GLOBALS['rassure_test']['flushes'];
}
function add_shortcode( $tag, $callback ) {
	$GLOBALS['rassure_test']['shortcodes'][ $tag ] = $callback;
}
function wp_is_block_theme() {
	return $GLOBALS['rassure_test']['block_theme'];
}
function get_header() {
	echo '<!DOCTYPE html><html><body><header class="site-header">theme header</header>';
}
function get_footer() {
	echo '<footer class="site-footer">theme footer</footer></body></html>';
}
function get_language_attributes() {
	return 'lang="fr-FR"';
}
/** WordPress's own values for the fields the plugin reads (the facts tests read the version). */
function get_bloginfo( $show ) {
	$info = array(
		'charset' => 'UTF-8',
		'version' => '6.5.3',
	);
	return isset( $info[ $show ] ) ? $info[ $show ] : '';
}
function register_deactivation_hook( $file, $callback ) {
	$GLOBALS['rassure_test']['deactivation'] = $callback;
}
function get_body_class() {
	return apply_filters( 'body_class', array( 'wp-theme-block' ) );
}
function wp_head() {
	echo '<link rel="stylesheet" href="rassure.css">';
}
function wp_body_open() {
}
function block_header_area() {
	echo '<header class="wp-block-template-part">block header</header>';
}
function block_footer_area() {
	echo '<footer class="wp-block-template-part">block footer</footer>';
}
function wp_footer() {
	do_action( 'wp_footer' );
}
