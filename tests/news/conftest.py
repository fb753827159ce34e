import io

import pytest
from PIL import Image


@pytest.fixture
def png_bytes():
    """A real, tiny PNG image."""

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "navy").save(buffer, format="PNG")
    return buffer.getvalue()
