<?php
/**
 * Renders one block from a JSON request on stdin (used by the parity test, which renders the
 * same request through the Liquid blocks): {handle, config, locale, shop, settings, block_id,
 * now, timezone, trust_page_url}; the handle "trust-page" renders the trust page. Prints the HTML.
 *
 * @package Rassure
 */

require __DIR__ . '/bootstrap.php';

$rassure_request = json_decode( (string) stream_get_contents( STDIN ), true );
if ( ! is_array( $rassure_request ) ) {
	fwrite( STDERR, "render.php: expected a JSON object on stdin\n" );
	exit( 2 );
}
$rassure_requests = isset( $rassure_request[0] ) ? $rassure_request : array( $rassure_request );
$rassure_outputs  = array();
foreach ( $rassure_requests as $rassure_one ) {
	$rassure_renderer  = Rassure_Renderer::for_language( $rassure_one['locale'] );
	$rassure_outputs[] = 'trust-page' === $rassure_one['handle']
		? $rassure_renderer->trust_page( $rassure_one['config'], $rassure_one )
		: $rassure_renderer->render( $rassure_one['handle'], $rassure_one['config'], $rassure_one );
}
echo wp_json_encode( $rassure_outputs );
