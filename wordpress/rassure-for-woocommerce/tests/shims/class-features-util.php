<?php
/**
 * Stand-in for WooCommerce's FeaturesUtil: records compatibility declarations.
 *
 * @package Rassure
 */

namespace Automattic\WooCommerce\Utilities;

/**
 * Records what plugins declare.
 */
class FeaturesUtil {

	/**
	 * Declarations: feature => [plugin file => compatible].
	 *
	 * @var array
	 */
	public static $declared = array();

	/**
	 * Same signature as WooCommerce's.
	 *
	 * @param string $feature_id  Feature.
	 * @param string $plugin_file Plugin main file.
	 * @param bool   $positive    Compatible or not.
	 * @return bool
	 */
	public static function declare_compatibility( $feature_id, $plugin_file, $positive_compatibility = true ) {
		self::$declared[ $feature_id ][ $plugin_file ] = $positive_compatibility;
		return true;
	}
}
