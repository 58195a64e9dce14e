/** English texts of the woocommerce feature (keys start with "woocommerce."). */
export const woocommerceEn = {} as const;
