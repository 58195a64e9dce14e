/**
 * The shop's review aggregate on WooCommerce, for the checklist: every published product's native
 * `average_rating` (a string such as "4.50", on WooCommerce's 5-star scale) and `rating_count`,
 * read 100 products a request, then the shared weighting (adapters/reviews-aggregate.ts), the same
 * the companion plugin renders. Null when the key cannot read products (the check says "not checked").
 */
import { aggregateRatings, type ReviewsAggregate } from "../reviews-aggregate";
import { array, id, object, parse, str, type Parser } from "./parse";
import { WooCommerceApiError, type WooReader } from "./rest-client";

/** 2,000 products at most; beyond, the aggregate covers the ones read (`productsRead` says how many). */
const MAX_PAGES = 20;

/** WooCommerce's rating scale: one to five stars. */
const WOO_SCALE_MAX = 5;

const count: Parser<number> = (value, path) => id(value, path);
const productParser = object({ average_rating: str, rating_count: count });

/**
 * The aggregate the companion plugin computed (its reads cover only the products with ratings, so
 * `productsRead` counts those).
 */
export function ratingsFromCompanion(ratings: { ratingTenths: number | null; scaleMax: number | null; reviews: number; products: number }, now: Date): ReviewsAggregate {
  const rated = ratings.reviews > 0 && ratings.ratingTenths !== null;
  return { ratingTenths: rated ? ratings.ratingTenths : null, scaleMax: rated ? (ratings.scaleMax ?? WOO_SCALE_MAX) : null, reviews: rated ? ratings.reviews : 0, products: rated ? ratings.products : 0, productsRead: ratings.products, computedAt: now.toISOString() };
}

export async function fetchWooReviewsAggregate(reader: WooReader, now = new Date()): Promise<ReviewsAggregate | null> {
  let products: Array<{ average_rating: string; rating_count: number }>;
  try {
    const rows = await reader.getAll("products", { status: "publish", per_page: 100, _fields: "id,average_rating,rating_count" }, MAX_PAGES);
    products = parse(array(productParser), rows, "products");
  } catch (error) {
    if (error instanceof WooCommerceApiError && error.status !== null && [401, 403, 404].includes(error.status)) return null;
    throw error;
  }
  const ratings = products.map((p) => ({ rating: Number(p.average_rating), scaleMax: WOO_SCALE_MAX, count: p.rating_count }));
  return aggregateRatings(ratings, products.length, now);
}
