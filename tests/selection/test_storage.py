"""Application documents are stored outside the public media and have no address of their own."""

import pytest
from django.core.files.base import ContentFile

from modus.selection.storage import private_storage


def test_files_go_under_the_private_root(settings, tmp_path):
    settings.MODUS_PRIVATE_ROOT = tmp_path / "private"
    name = private_storage.save("applications/1/2/letter.pdf", ContentFile(b"%PDF-1.4"))
    assert (tmp_path / "private" / name).read_bytes() == b"%PDF-1.4"
    assert not str(private_storage.path(name)).startswith(str(settings.MEDIA_ROOT))


def test_a_private_file_has_no_public_url():
    with pytest.raises(ValueError, match="no public URL"):
        private_storage.url("applications/1/2/letter.pdf")
