<?php
/**
 * Plugin Name:          Rassure for WooCommerce
 * Plugin URI:           https://rassure.io/woocommerce
 * Description:          Reassurance blocks (secure payment, promises, delivery estimate, contact, legal links), a public trust page, tracking links for customers, and the Rassure app inside wp-admin.
 * Version:              1.1.0
 * Requires at least:    6.4
 * Requires PHP:         7.4
 * Requires Plugins:     woocommerce
 * WC requires at least: 8.0
 * WC tested up to:      9.4
 * Author:               Rassure
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          rassure-for-woocommerce
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

defined( 'RASSURE_WC_VERSION' ) || define( 'RASSURE_WC_VERSION', '1.1.0' );
defined( 'RASSURE_WC_FILE' ) || define( 'RASSURE_WC_FILE', __FILE__ );

require_once __DIR__ . '/includes/class-rassure-options.php';
require_once __DIR__ . '/includes/class-rassure-renderer.php';
require_once __DIR__ . '/includes/class-rassure-shop-context.php';
require_once __DIR__ . '/includes/class-rassure-facts.php';
require_once __DIR__ . '/includes/class-rassure-rest.php';
require_once __DIR__ . '/includes/class-rassure-legal-pages.php';
require_once __DIR__ . '/includes/class-rassure-storefront.php';
require_once __DIR__ . '/includes/class-rassure-trust-page.php';
require_once __DIR__ . '/includes/class-rassure-tracking.php';
require_once __DIR__ . '/includes/class-rassure-admin.php';

/**
 * Declares compatibility with High-Performance Order Storage and the Cart/Checkout blocks
 * (the plugin reads orders only through WC_Order and renders beside the blocks).
 */
function rassure_declare_compatibility() {
	if ( class_exists( '\Automattic\WooCommerce\Utilities\FeaturesUtil' ) ) {
		\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', RASSURE_WC_FILE, true );
		\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', RASSURE_WC_FILE, true );
	}
}
add_action( 'before_woocommerce_init', 'rassure_declare_compatibility' );

/**
 * Starts the plugin once WooCommerce is loaded.
 */
function rassure_boot() {
	if ( ! class_exists( 'WooCommerce' ) ) {
		return;
	}
	Rassure_Storefront::init();
	Rassure_Trust_Page::init();
	Rassure_Tracking::init();
	Rassure_Admin::init();
	add_action( 'rest_api_init', array( 'Rassure_Rest', 'register_routes' ) );
	add_action( 'rest_api_init', array( 'Rassure_Legal_Pages', 'register_routes' ) );
}
add_action( 'plugins_loaded', 'rassure_boot' );
register_deactivation_hook( __FILE__, array( 'Rassure_Trust_Page', 'deactivate' ) );
