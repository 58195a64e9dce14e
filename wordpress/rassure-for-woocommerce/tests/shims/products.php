<?php
/**
 * Transients and products for the shop-wide rating (Rassure_Shop_Context::shop_reviews): the
 * transient store counts its reads, so a test can tell whether a page consulted it at all.
 *
 * @package Rassure
 */

if ( ! defined( 'HOUR_IN_SECONDS' ) ) {
	define( 'HOUR_IN_SECONDS', 3600 );
}
$GLOBALS['rassure_test']['transients']      = array();
$GLOBALS['rassure_test']['transient_reads'] = 0;
// Published products with ratings: id => array( average, count ).
$GLOBALS['rassure_test']['rated_products'] = array();

function get_transient( $name ) {
	++$GLOBALS['rassure_test']['transient_reads'];
	return array_key_exists( $name, $GLOBALS['rassure_test']['transients'] ) ? $GLOBALS['rassure_test']['transients'][ $name ] : false;
}
function set_transient( $name, $value, $expiration = 0 ) {
	$GLOBALS['rassure_test']['transients'][ $name ] = $value;
	return true;
}
function delete_transient( $name ) {
	unset( $GLOBALS['rassure_test']['transients'][ $name ] );
	return true;
}
function get_posts( array $args ) {
	return 'product' === $args['post_type'] ? array_keys( $GLOBALS['rassure_test']['rated_products'] ) : array();
}

/** A product as shop_reviews reads it. */
class Rassure_Test_Product {
	private $rating;
	public function __construct( array $rating ) {
		$this->rating = $rating;
	}
	public function get_reviews_allowed() {
		return true;
	}
	public function get_average_rating() {
		return $this->rating[0];
	}
	public function get_rating_count() {
		return $this->rating[1];
	}
}
function wc_get_product( $id ) {
	return isset( $GLOBALS['rassure_test']['rated_products'][ $id ] ) ? new Rassure_Test_Product( $GLOBALS['rassure_test']['rated_products'][ $id ] ) : false;
}
