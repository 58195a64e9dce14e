/** English texts of the blocks feature (keys start with "blocks."). */
export const blocksEn = {} as const;
