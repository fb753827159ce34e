"""The selection API: ``serializers`` (what it shows and accepts), ``views`` (who may do what;
reads from ``selectors``, writes through ``services``) and ``urls``."""
