"""The front pages above every domain app: home page, sitemap, robots.txt, health check."""
