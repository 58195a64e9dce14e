<?php
/**
 * Pages as WordPress stores them, in memory: the post functions the legal-pages route uses,
 * with WordPress's return conventions (an id or a WP_Error; a WP_Post-like object or null).
 * wp_kses_post removes what WordPress's post filter removes that matters here: script and
 * style elements and event-handler attributes.
 *
 * @package Rassure
 */

$GLOBALS['rassure_test']['posts']   = array();
$GLOBALS['rassure_test']['next_id'] = 100;

function get_post( $id ) {
	return isset( $GLOBALS['rassure_test']['posts'][ (int) $id ] ) ? (object) $GLOBALS['rassure_test']['posts'][ (int) $id ] : null;
}
function wp_insert_post( $postarr, $wp_error = false ) {
	if ( empty( $postarr['post_title'] ) ) {
		return new WP_Error( 'empty_content', 'Content, title, and excerpt are empty.' );
	}
	$id = $GLOBALS['rassure_test']['next_id']++;
	$GLOBALS['rassure_test']['posts'][ $id ] = array_merge(
		array( 'ID' => $id, 'post_type' => 'post', 'post_status' => 'draft', 'post_title' => '', 'post_content' => '' ),
		$postarr,
		array( 'ID' => $id )
	);
	return $id;
}
function wp_update_post( $postarr, $wp_error = false ) {
	$id = (int) $postarr['ID'];
	if ( ! isset( $GLOBALS['rassure_test']['posts'][ $id ] ) ) {
		return new WP_Error( 'invalid_post', 'Invalid post ID.' );
	}
	$GLOBALS['rassure_test']['posts'][ $id ] = array_merge( $GLOBALS['rassure_test']['posts'][ $id ], $postarr );
	return $id;
}
function wp_trash_post( $id ) {
	$GLOBALS['rassure_test']['posts'][ (int) $id ]['post_status'] = 'trash';
	return get_post( $id );
}
function get_permalink( $id ) {
	$post = get_post( $id );
	return $post ? 'https://savonnerie.example/?page_id=' . $post->ID : false;
}
function is_wp_error( $thing ) {
	return $thing instanceof WP_Error;
}
function wp_kses_post( $html ) {
	$html = preg_replace( '#<(script|style)\b[^>]*>.*?</\1>#is', '', $html );
	return preg_replace( '#\s+on[a-z]+\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+)#i', '', $html );
}
