/**
 * The shop's review aggregate: one rating over all its products, each product's average weighted
 * by its number of reviews (a product with 40 reviews counts 40 times, one with 1 review once),
 * so the figure is the mean of every review the data holds. Products without reviews are left out.
 * Ratings on another scale than the one most reviews use (a review app on /10 beside one on /5)
 * are left out rather than converted: the aggregate only states figures the data gives.
 * Framework-free: the Shopify job, the WooCommerce adapter and the checklist share it.
 */

/** One product's rating as a review app (Shopify `reviews.*` metafields) or WooCommerce stores it. */
export interface ProductRating {
  rating: number;
  scaleMax: number;
  count: number;
}

export interface ReviewsAggregate {
  /** The weighted mean in tenths (46 = 4.6), so every renderer prints the same digits; null without reviews. */
  ratingTenths: number | null;
  scaleMax: number | null;
  /** Reviews counted. */
  reviews: number;
  /** Products with at least one review counted. */
  products: number;
  /** Products read to compute it (with or without reviews). */
  productsRead: number;
  computedAt: string;
}

const usable = (p: ProductRating) =>
  Number.isFinite(p.rating) && p.rating >= 0 && Number.isFinite(p.scaleMax) && p.scaleMax > 0 && p.rating <= p.scaleMax && Number.isInteger(p.count) && p.count > 0;

export function aggregateRatings(ratings: ProductRating[], productsRead: number, now: Date): ReviewsAggregate {
  const rated = ratings.filter(usable);
  const reviewsOnScale = new Map<number, number>();
  for (const p of rated) reviewsOnScale.set(p.scaleMax, (reviewsOnScale.get(p.scaleMax) ?? 0) + p.count);
  // The scale most reviews use; on a tie, the larger one (5 over 4), for a stable choice.
  const scale = [...reviewsOnScale.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
  const counted = rated.filter((p) => p.scaleMax === scale);
  const reviews = counted.reduce((sum, p) => sum + p.count, 0);
  const weighted = counted.reduce((sum, p) => sum + p.rating * p.count, 0);
  return {
    // The epsilon keeps 4.65 (stored as 4.6499999…) rounding up as a person would.
    ratingTenths: reviews > 0 ? Math.round((weighted / reviews) * 10 + 1e-9) : null,
    scaleMax: reviews > 0 ? scale : null,
    reviews,
    products: counted.length,
    productsRead,
    computedAt: now.toISOString(),
  };
}

/** "4.6/5" as the evidence and the storefront print it (one decimal, integer arithmetic). */
export function formatRating(aggregate: Pick<ReviewsAggregate, "ratingTenths" | "scaleMax">, decimal = "."): string | null {
  if (aggregate.ratingTenths === null || aggregate.scaleMax === null) return null;
  return `${Math.floor(aggregate.ratingTenths / 10)}${decimal}${aggregate.ratingTenths % 10}/${Math.round(aggregate.scaleMax)}`;
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;

/** An aggregate read back from where it was published; null when the text is not one (absent, or another shape). */
export function parseReviewsAggregate(text: string | null | undefined): ReviewsAggregate | null {
  if (!text) return null;
  let value: Partial<ReviewsAggregate>;
  try {
    value = JSON.parse(text) as Partial<ReviewsAggregate>;
  } catch {
    return null;
  }
  if (!value || typeof value !== "object" || !isCount(value.reviews) || !isCount(value.products) || !isCount(value.productsRead) || typeof value.computedAt !== "string") return null;
  const rated = value.reviews > 0;
  if (rated ? !isCount(value.ratingTenths) || typeof value.scaleMax !== "number" || value.scaleMax <= 0 : value.ratingTenths !== null) return null;
  return { ratingTenths: value.ratingTenths ?? null, scaleMax: value.scaleMax ?? null, reviews: value.reviews, products: value.products, productsRead: value.productsRead, computedAt: value.computedAt };
}
