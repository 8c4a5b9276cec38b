# Livskraft's container images, built from this repository (docs/deployment.md):
#   app  (the default target) the web app, installed by scripts/install.sh from requirements.lock
#   web  nginx with docs/nginx/livskraft.conf and the collected static files
# compose.yaml builds and runs both, with PostgreSQL and Redis.
FROM debian:bookworm-slim AS app
WORKDIR /app
COPY . /app
# The same install as on a server: Debian's Python and libraries, then every Python package
# from requirements.lock, checked against its hashes; the translations are compiled here.
RUN scripts/install.sh \
    && rm -rf /var/lib/apt/lists/* /root/.cache
ENV PATH=/app/.venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=livskraft.config.settings \
    LIVSKRAFT_PRODUCTION=1 \
    LIVSKRAFT_HOME=/srv/livskraft \
    LIVSKRAFT_STATIC_ROOT=/app/static \
    LIVSKRAFT_MEDIA_ROOT=/srv/livskraft/media \
    PYTHONDONTWRITEBYTECODE=1
# Static files with their .gz copies, for the web image; the key exists only in this step.
RUN LIVSKRAFT_SECRET_KEY=collectstatic-at-build-time-only-never-used-to-sign-anything-0000 \
    python -m django collectstatic --noinput -v0
RUN useradd --system --uid 10001 --home-dir /srv/livskraft --create-home livskraft \
    && mkdir -p /srv/livskraft/media && chown -R livskraft:livskraft /srv/livskraft
USER livskraft
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=8)"]
# Migrations are not run here: `livskraft migrate` runs once before (compose's migrate service).
CMD ["livskraft", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]

FROM nginx:1.28-bookworm AS web
COPY --from=app /app/static /srv/livskraft/var/static/
COPY docs/nginx/livskraft.conf /etc/nginx/conf.d/default.conf
# compose's app service: every replica's address (looked up when nginx starts)
RUN sed -i 's/server 127\.0\.0\.1:8000;/server app:8000;/' /etc/nginx/conf.d/default.conf \
    && grep -q 'server app:8000;' /etc/nginx/conf.d/default.conf
