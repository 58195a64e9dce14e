/** English texts of the tracking feature (keys start with "tracking."). */
export const trackingEn = {} as const;
