from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A <select> whose options are written directly instead of one template each.

    Filter forms list hundreds of regions; rendering every <option> through Django's widget
    templates took most of the directory page's time. The HTML is the same; option groups are
    supported, and ``QuickSelectMultiple`` selects several values.
    """

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        chosen = self._chosen(value)
        multiple = " multiple" if self.allow_multiple_selected else ""
        parts = [f'<select name="{escape(name)}"{multiple}{flatatt(attrs)}>']
        for group_value, group_label in self.choices:
            if isinstance(group_label, (list, tuple)):
                parts.append(f'<optgroup label="{escape(str(group_value))}">')
                parts.extend(self._option(v, label, chosen) for v, label in group_label)
                parts.append("</optgroup>")
            else:
                parts.append(self._option(group_value, group_label, chosen))
        parts.append("</select>")
        return mark_safe("".join(parts))

    def _chosen(self, value) -> set[str]:
        if self.allow_multiple_selected:
            return {str(item) for item in (value or []) if item not in (None, "")}
        return {"" if value is None else str(value)}

    @staticmethod
    def _option(value, label, chosen: set[str]) -> str:
        value = "" if value is None else str(value)
        marker = " selected" if value in chosen else ""
        return f'<option value="{escape(value)}"{marker}>{escape(str(label))}</option>'


class QuickSelectMultiple(QuickSelect):
    """``QuickSelect`` for several values (``<select multiple>``)."""

    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False


class DatalistInput(forms.TextInput):
    """A text box with suggestions: the browser filters ``choices`` as people type.

    Each suggestion's value is what the box receives (a code); its label is what people read and
    search (a name). Without support for <datalist>, it is a plain text box.
    """

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs)
        self.choices = list(choices)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id') or 'id_' + name}-choices"
        attrs["list"] = list_id
        attrs.setdefault("autocomplete", "off")
        box = super().render(name, value, attrs, renderer)
        options = "".join(
            f'<option value="{escape(str(v))}">{escape(str(label))}</option>'
            for v, label in self.choices
        )
        return mark_safe(f'{box}<datalist id="{escape(list_id)}">{options}</datalist>')
