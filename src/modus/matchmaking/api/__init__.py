"""The matchmaking API: ``serializers``, ``views`` and ``urls`` (mounted by ``modus.api.urls``
under ``/api/v1/events/<slug>/matchmaking/``)."""
