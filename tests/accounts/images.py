"""Small uploads built in memory for the photo tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def png_upload(name="photo.png", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def text_pretending_to_be_png(name="photo.png"):
    return SimpleUploadedFile(name, b"this is not an image at all", content_type="image/png")
