"""Serializer fields every app's API uses."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(OpenApiTypes.URI)
class WebURLField(serializers.Field):
    """The absolute address of the object's public web page."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        url = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


class BlankAsNullMixin:
    """An optional address stored blank: ``null`` in the API (``""`` is no URL nor e-mail
    address), and ``null`` or ``""`` sent clears it."""

    def __init__(self, **kwargs):
        kwargs["allow_null"] = True
        if not kwargs.get("read_only"):
            kwargs["allow_blank"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return super().to_representation(value) if value else None

    def validate_empty_values(self, data):
        if data is None or data == "":
            return True, ""
        return super().validate_empty_values(data)


class BlankAsNullURLField(BlankAsNullMixin, serializers.URLField):
    pass


class BlankAsNullEmailField(BlankAsNullMixin, serializers.EmailField):
    pass


BLANK_AS_NULL = {
    serializers.URLField: BlankAsNullURLField,
    serializers.EmailField: BlankAsNullEmailField,
}


class BlankAsNullSerializerMixin:
    """For model serializers: optional URL and e-mail fields of the model are nullable in the
    API (and in its schema) instead of empty strings."""

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if model_field.blank and field_class in BLANK_AS_NULL:
            field_class = BLANK_AS_NULL[field_class]
        return field_class, kwargs
