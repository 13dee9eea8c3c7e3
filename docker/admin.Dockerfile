# syntax=docker/dockerfile:1
# Waakvlam console image: the built Angular app served by unprivileged nginx on port 8080,
# with /api/ proxied to http://api:3000 (the api service in docker/compose.yml).
# Build from the repository root:
#   docker build -f docker/admin.Dockerfile -t waakvlam-admin .

ARG NODE_VERSION=20
ARG NPM_VERSION=11.19.1
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

# ---- build: install all dependencies and build the console to dist/admin/browser
FROM node:${NODE_VERSION}-bookworm AS build
ARG NPM_VERSION
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    SCARF_ANALYTICS=false \
    npm_config_update_notifier=false
RUN npm install -g "npm@${NPM_VERSION}" --no-audit --no-fund
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx run admin:build

# ---- runtime: static files + reverse proxy, runs as the image's non-root nginx user (uid 101)
FROM ${NGINX_IMAGE} AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY --from=build /app/dist/admin/browser /usr/share/nginx/html

EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
