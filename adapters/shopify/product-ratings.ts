/**
 * The shop's review aggregate on Shopify: every product's standard `reviews.rating` (type rating:
 * `{"value":"4.8","scale_min":"1.0","scale_max":"5.0"}`) and `reviews.rating_count` metafields,
 * which review apps write (Judge.me, Yotpo, Shopify Product Reviews…), read page by page
 * (needs read_products), then published as an app-data metafield on the app installation, which
 * the reviews block reads as `app.metafields.rassure.shop_reviews` (only the owning app's blocks
 * can read it; no scope needed to write it).
 */
import { aggregateRatings, type ProductRating, type ReviewsAggregate } from "../reviews-aggregate";
import { runAdminQuery, type AdminGraphql } from "./admin-graphql";
import { setAppDataMetafields } from "./storefront-config";

export const SHOP_REVIEWS_KEY = "shop_reviews";

/** 100 products with two metafields each: about 300 points requested, far less actually spent. */
const PAGE_SIZE = 100;
/** 10,000 products at most: beyond, the aggregate covers the first ones read (its `productsRead` says how many). */
const MAX_PAGES = 100;

export const PRODUCT_RATINGS_QUERY = `#graphql
  query RassureProductRatings($first: Int!, $after: String) {
    products(first: $first, after: $after) {
      nodes {
        id
        rating: metafield(namespace: "reviews", key: "rating") { value }
        ratingCount: metafield(namespace: "reviews", key: "rating_count") { value }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface ProductRatingsData {
  products: {
    nodes: Array<{ id: string; rating: { value: string } | null; ratingCount: { value: string } | null }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** A product's rating from its two metafields; null when either is missing or unreadable. */
export function productRatingFromMetafields(rating: string | null | undefined, ratingCount: string | null | undefined): ProductRating | null {
  if (!rating || !ratingCount) return null;
  try {
    const parsed = JSON.parse(rating) as { value?: unknown; scale_max?: unknown };
    const count = Number(ratingCount);
    const value = Number(parsed.value);
    const scaleMax = Number(parsed.scale_max);
    return Number.isFinite(value) && Number.isFinite(scaleMax) && Number.isInteger(count) ? { rating: value, scaleMax, count } : null;
  } catch {
    return null;
  }
}

export async function readShopifyReviewsAggregate(graphql: AdminGraphql, now = new Date(), pageSize = PAGE_SIZE): Promise<ReviewsAggregate> {
  const ratings: ProductRating[] = [];
  let productsRead = 0;
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data }: { data: ProductRatingsData } = await runAdminQuery<ProductRatingsData>(graphql, PRODUCT_RATINGS_QUERY, { first: pageSize, after });
    for (const product of data.products.nodes) {
      productsRead += 1;
      const rating = productRatingFromMetafields(product.rating?.value, product.ratingCount?.value);
      if (rating) ratings.push(rating);
    }
    if (!data.products.pageInfo.hasNextPage || !data.products.pageInfo.endCursor) break;
    after = data.products.pageInfo.endCursor;
  }
  return aggregateRatings(ratings, productsRead, now);
}

export async function publishShopifyReviewsAggregate(graphql: AdminGraphql, aggregate: ReviewsAggregate): Promise<void> {
  await setAppDataMetafields(graphql, [{ key: SHOP_REVIEWS_KEY, type: "json", value: JSON.stringify(aggregate) }], "the shop's review aggregate");
}
