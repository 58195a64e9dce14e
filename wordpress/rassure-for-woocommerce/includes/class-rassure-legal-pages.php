<?php
/**
 * Legal pages drafted in the Rassure app: `wc-rassure/v1/legal-pages`.
 *
 * WordPress has no policy objects, so each legal text is a page. The shop's own settings say
 * which page is which where WordPress or WooCommerce has a setting (terms, refund & returns,
 * privacy); Rassure remembers the others (legal notice, contact). The app first saves a draft
 * page the merchant can review in the editor, then publishes: the text goes into the page the
 * shop already uses (its address stays, WordPress keeps the revision), or the draft page itself
 * is published and set as the shop's page. The previous text is returned so the app can offer
 * to restore it.
 *
 * @package Rassure
 */

defined( 'ABSPATH' ) || exit;

/**
 * Legal pages REST controller.
 */
class Rassure_Legal_Pages {

	/** Option holding the page ids Rassure keeps for kinds WordPress has no setting for. */
	const PAGES_OPTION = 'rassure_legal_pages';

	/** The text of a legal page: generous, but bounded. */
	const MAX_CONTENT_BYTES = 200000;

	/**
	 * The setting that names the shop's page, per kind (null: kept in PAGES_OPTION).
	 *
	 * @var array<string, string|null>
	 */
	const KIND_OPTIONS = array(
		'terms-of-sale' => 'woocommerce_terms_page_id',
		'refund'        => 'woocommerce_refund_returns_page_id',
		'privacy'       => 'wp_page_for_privacy_policy',
		'legal-notice'  => null,
		'contact'       => null,
	);

	/**
	 * Registers the route (rest_api_init).
	 */
	public static function register_routes() {
		register_rest_route(
			Rassure_Rest::NAMESPACE_V1,
			'/legal-pages',
			array(
				array(
					'methods'             => 'GET',
					'callback'            => array( __CLASS__, 'get_page' ),
					'permission_callback' => array( 'Rassure_Rest', 'can_manage' ),
					'args'                => array(
						'kind' => array(
							'required' => true,
							'type'     => 'string',
							'enum'     => array_keys( self::KIND_OPTIONS ),
						),
					),
				),
				array(
					'methods'             => 'POST',
					'callback'            => array( __CLASS__, 'save_page' ),
					'permission_callback' => array( __CLASS__, 'can_edit_pages' ),
					'args'                => array(
						'kind'    => array(
							'required' => true,
							'type'     => 'string',
							'enum'     => array_keys( self::KIND_OPTIONS ),
						),
						'title'   => array(
							'required' => true,
							'type'     => 'string',
						),
						'content' => array(
							'required' => true,
							'type'     => 'string',
						),
						'status'  => array(
							'required' => true,
							'type'     => 'string',
							'enum'     => array( 'draft', 'publish' ),
						),
					),
				),
			)
		);
	}

	/**
	 * Writing pages needs the page capabilities on top of managing WooCommerce.
	 *
	 * @return bool|WP_Error
	 */
	public static function can_edit_pages() {
		$manage = Rassure_Rest::can_manage();
		if ( true !== $manage ) {
			return $manage;
		}
		if ( current_user_can( 'edit_pages' ) && current_user_can( 'publish_pages' ) ) {
			return true;
		}
		return new WP_Error( 'rassure_forbidden', __( 'Sorry, you are not allowed to publish pages.', 'rassure-for-woocommerce' ), array( 'status' => 403 ) );
	}

	/**
	 * The page id the shop uses for a kind, 0 when none.
	 *
	 * @param string $kind Legal text kind.
	 * @return int
	 */
	public static function shop_page_id( $kind ) {
		$option = self::KIND_OPTIONS[ $kind ];
		if ( null !== $option ) {
			$id = (int) get_option( $option, 0 );
		} else {
			$kept = get_option( self::PAGES_OPTION, array() );
			$id   = is_array( $kept ) && isset( $kept[ $kind ] ) ? (int) $kept[ $kind ] : 0;
		}
		$page = $id > 0 ? get_post( $id ) : null;
		return ( $page && 'page' === $page->post_type && 'trash' !== $page->post_status ) ? $id : 0;
	}

	/**
	 * Points the shop's setting (or Rassure's own record) for a kind at a page.
	 *
	 * @param string $kind Legal text kind.
	 * @param int    $id   Page id.
	 */
	private static function set_shop_page( $kind, $id ) {
		$option = self::KIND_OPTIONS[ $kind ];
		if ( null !== $option ) {
			update_option( $option, $id );
			return;
		}
		$kept          = get_option( self::PAGES_OPTION, array() );
		$kept          = is_array( $kept ) ? $kept : array();
		$kept[ $kind ] = $id;
		update_option( self::PAGES_OPTION, $kept );
	}

	/**
	 * The draft page Rassure saved for a kind and has not published yet, 0 when none.
	 *
	 * @param string $kind Legal text kind.
	 * @return int
	 */
	private static function draft_page_id( $kind ) {
		$kept = get_option( self::PAGES_OPTION, array() );
		$id   = is_array( $kept ) && isset( $kept[ 'draft:' . $kind ] ) ? (int) $kept[ 'draft:' . $kind ] : 0;
		$page = $id > 0 ? get_post( $id ) : null;
		return ( $page && 'draft' === $page->post_status ) ? $id : 0;
	}

	/**
	 * Updates page $id, or inserts a new page when $id is 0.
	 *
	 * @param int    $id      Page id or 0.
	 * @param string $status  draft|publish.
	 * @param string $title   Title.
	 * @param string $content Filtered content.
	 * @return int|WP_Error
	 */
	private static function write_page( $id, $status, $title, $content ) {
		$postarr = array(
			'post_type'    => 'page',
			'post_status'  => $status,
			'post_title'   => $title,
			'post_content' => $content,
		);
		return $id ? wp_update_post( array_merge( $postarr, array( 'ID' => $id ) ), true ) : wp_insert_post( $postarr, true );
	}

	/**
	 * Describes a page for the app.
	 *
	 * @param int $id Page id.
	 * @return array
	 */
	private static function describe( $id ) {
		$page = get_post( $id );
		return array(
			'page_id' => $id,
			'status'  => $page->post_status,
			'title'   => $page->post_title,
			'content' => $page->post_content,
			'link'    => get_permalink( $id ),
		);
	}

	/**
	 * GET /legal-pages?kind=…: the page the shop uses for that kind, and Rassure's pending draft.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public static function get_page( $request ) {
		$kind  = (string) $request->get_param( 'kind' );
		$id    = self::shop_page_id( $kind );
		$draft = self::draft_page_id( $kind );
		return rest_ensure_response(
			array(
				'kind'  => $kind,
				'page'  => $id ? self::describe( $id ) : null,
				'draft' => $draft ? self::describe( $draft ) : null,
			)
		);
	}

	/**
	 * POST /legal-pages {kind, title, content, status}.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function save_page( $request ) {
		$kind    = (string) $request->get_param( 'kind' );
		$status  = (string) $request->get_param( 'status' );
		$title   = sanitize_text_field( (string) $request->get_param( 'title' ) );
		$content = (string) $request->get_param( 'content' );
		if ( ! array_key_exists( $kind, self::KIND_OPTIONS ) || ! in_array( $status, array( 'draft', 'publish' ), true ) || '' === $title ) {
			return new WP_Error( 'rest_invalid_param', __( 'Invalid parameter(s): kind, title, status', 'rassure-for-woocommerce' ), array( 'status' => 400 ) );
		}
		if ( strlen( $content ) > self::MAX_CONTENT_BYTES ) {
			return new WP_Error( 'rassure_page_too_large', __( 'The page is too large.', 'rassure-for-woocommerce' ), array( 'status' => 413 ) );
		}
		// The same filter WordPress applies to an author's post content.
		$content = wp_kses_post( $content );

		$draft = self::draft_page_id( $kind );
		if ( 'draft' === $status ) {
			$id = self::write_page( $draft, 'draft', $title, $content );
			if ( is_wp_error( $id ) ) {
				return $id;
			}
			$kept                     = get_option( self::PAGES_OPTION, array() );
			$kept                     = is_array( $kept ) ? $kept : array();
			$kept[ 'draft:' . $kind ] = (int) $id;
			update_option( self::PAGES_OPTION, $kept );
			return rest_ensure_response( array_merge( self::describe( (int) $id ), array( 'previous_content' => null ) ) );
		}

		$current = self::shop_page_id( $kind );
		// The shop's page keeps its address (WordPress keeps the replaced text as a revision); else the draft becomes the page.
		$previous = $current ? get_post( $current )->post_content : '';
		$id       = self::write_page( $current ? $current : $draft, 'publish', $title, $content );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		if ( $current && $draft ) {
			wp_trash_post( $draft );
		}
		if ( ! $current ) {
			self::set_shop_page( $kind, (int) $id );
		}
		$kept = get_option( self::PAGES_OPTION, array() );
		if ( is_array( $kept ) && isset( $kept[ 'draft:' . $kind ] ) ) {
			unset( $kept[ 'draft:' . $kind ] );
			update_option( self::PAGES_OPTION, $kept );
		}
		return rest_ensure_response( array_merge( self::describe( (int) $id ), array( 'previous_content' => $previous ) ) );
	}
}
