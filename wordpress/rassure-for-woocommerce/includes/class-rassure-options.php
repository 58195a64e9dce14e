<?php
/**
 * The plugin's stored state: the published configuration and the link to the Rassure app.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Options access.
 */
class Rassure_Options {

	const CONFIG = 'rassure_config';
	const LINK   = 'rassure_link';

	/** Largest configuration accepted, in bytes of JSON (the app publishes well under this). */
	const MAX_CONFIG_BYTES = 32768;

	/**
	 * The published configuration, or null.
	 *
	 * @return array|null
	 */
	public static function config() {
		$stored = get_option( self::CONFIG );
		return is_array( $stored ) && ! empty( $stored['enabled'] ) && isset( $stored['config'] ) && is_array( $stored['config'] ) ? $stored['config'] : null;
	}

	/**
	 * Stores a configuration pushed by the app.
	 *
	 * @param array $config  Published configuration.
	 * @param bool  $enabled Master switch.
	 * @return string Time of the update (ISO 8601).
	 */
	public static function save_config( array $config, $enabled ) {
		$updated_at = gmdate( 'c' );
		update_option(
			self::CONFIG,
			array(
				'config'     => $config,
				'enabled'    => (bool) $enabled,
				'updated_at' => $updated_at,
			),
			true
		);
		return $updated_at;
	}

	/**
	 * The app link: admin_secret, app_url, shop; null when not connected.
	 *
	 * @return array|null
	 */
	public static function link() {
		$link = get_option( self::LINK );
		return is_array( $link ) && ! empty( $link['admin_secret'] ) && ! empty( $link['app_url'] ) ? $link : null;
	}

	/**
	 * Stores the app link.
	 *
	 * @param string $admin_secret Secret for wp-admin entry tokens.
	 * @param string $app_url      The app page to embed.
	 * @param string $shop         This store's identifier in the app.
	 */
	public static function save_link( $admin_secret, $app_url, $shop ) {
		update_option(
			self::LINK,
			array(
				'admin_secret' => $admin_secret,
				'app_url'      => $app_url,
				'shop'         => $shop,
			),
			false
		);
	}

	/**
	 * Forgets the app link (the app was disconnected).
	 */
	public static function delete_link() {
		delete_option( self::LINK );
	}

	/**
	 * Removes everything the plugin stored in options (uninstall).
	 */
	public static function delete_all() {
		delete_option( self::CONFIG );
		delete_option( self::LINK );
	}
}
