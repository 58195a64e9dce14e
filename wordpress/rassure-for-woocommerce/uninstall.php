<?php
/**
 * Uninstall: removes the options the plugin stored (the published configuration and the link
 * to the app, including its secret). Tracking links already written on orders stay: they are
 * part of each order's history, which customers may still consult.
 *
 * @package Rassure
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/class-rassure-options.php';
Rassure_Options::delete_all();
// The legal pages themselves are the merchant's content and stay; only Rassure's record of them goes.
delete_option( 'rassure_legal_pages' );
delete_option( 'rassure_trust_rules' );
