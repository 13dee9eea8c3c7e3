# syntax=docker/dockerfile:1
# Waakvlam API image: one image, two roles.
#   HTTP (default):  node dist/api/api/src/main.js      (WAAKVLAM_ROLES=api)
#   workers:         node dist/api/api/src/worker.js    (WAAKVLAM_ROLES=worker)
#   migrations:      node dist/api/api/src/cli/migrate.js
# Build from the repository root:
#   docker build -f docker/api.Dockerfile -t waakvlam-api .

ARG NODE_VERSION=20
# Same npm major as development: package.json's `allowScripts` field is read by npm 11.
ARG NPM_VERSION=11.19.1

# ---- base: full Debian image with build tools (for any native module without a prebuilt binary)
FROM node:${NODE_VERSION}-bookworm AS base
ARG NPM_VERSION
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    SCARF_ANALYTICS=false \
    npm_config_update_notifier=false
RUN npm install -g "npm@${NPM_VERSION}" --no-audit --no-fund
WORKDIR /app

# ---- deps: all dependencies (dev included) for the build
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# ---- build: compile the API (and the libraries it imports) to dist/api
FROM deps AS build
COPY . .
RUN npx nx run api:build

# ---- prod-deps: production dependencies only
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# ---- runtime
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# tini runs as PID 1, forwards SIGTERM/SIGINT to node and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WAAKVLAM_ROLES=api \
    ADMIN_DIST=""

WORKDIR /app
COPY --chown=root:root package.json package-lock.json ./
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist/api ./dist/api
COPY --chown=root:root docker/healthcheck.cjs ./docker/healthcheck.cjs

# Code is owned by root and read-only for the runtime user; the process needs no writable paths.
USER node

EXPOSE 3000
STOPSIGNAL SIGTERM
# The HTTP role answers /api/health/live. The worker role overrides this (see docker/compose.yml):
#   node docker/healthcheck.cjs worker
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "docker/healthcheck.cjs", "http"]

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/api/api/src/main.js"]
