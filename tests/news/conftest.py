import io

import pytest


@pytest.fixture
def png_bytes():
    """A real, tiny PNG image."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "navy").save(buffer, format="PNG")
    return buffer.getvalue()
