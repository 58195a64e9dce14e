# Rassure's production image, in the style of Shopify's app template: Node 22, the runtime
# dependencies only (`npm ci --omit=dev`), `npm start` (applies the migrations, then serves on
# PORT). Building needs the dev tools (Vite, Remix's compiler), so it runs in a first stage
# whose node_modules stay behind. test/production/production-install.test.ts runs these same
# commands on this machine (docker itself is not available there).
FROM node:22-alpine AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
RUN npm run build

FROM node:22-alpine
WORKDIR /app
ENV NODE_ENV=production
ENV PORT=3000
EXPOSE 3000
COPY . .
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/build ./build
# The default database is SQLite in /app/data: mount a volume there, or set DATABASE_URL=postgresql://…
VOLUME /app/data
HEALTHCHECK --interval=30s --timeout=5s CMD wget -q -O /dev/null "http://127.0.0.1:${PORT}/healthz" || exit 1
CMD ["npm", "start"]
