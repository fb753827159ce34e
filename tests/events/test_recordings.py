import pytest

from modus.events.recordings import embed_for


@pytest.mark.parametrize(
    ("url", "src"),
    [
        ("https://youtu.be/abc_DEF-123", "https://www.youtube-nocookie.com/embed/abc_DEF-123"),
        ("https://www.youtube.com/live/abc123", "https://www.youtube-nocookie.com/embed/abc123"),
        ("https://vimeo.com/123456", "https://player.vimeo.com/video/123456"),
        ("https://www.youtube.com/watch?v=bad%22id", None),
        ("https://www.youtube.com/channel/x", None),
        ("https://example.org/watch?v=abc", None),
    ],
)
def test_embeds_only_known_players(url, src):
    embed = embed_for(url)
    assert (embed.src if embed else None) == src
