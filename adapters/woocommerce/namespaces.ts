/** The REST namespaces of the plugins Rassure works with (key auth covers `wc-` namespaces). */
export const COMPANION_NAMESPACE = "wc-rassure/v1";
export const SHIPMENT_TRACKING_NAMESPACE = "wc-shipment-tracking/v3";
