from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A single <select> whose options are written directly instead of one template each.

    Filter forms list hundreds of regions; rendering every <option> through Django's widget
    templates took most of the directory page's time. The HTML is the same; option groups are
    supported, multiple selection is not.
    """

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        selected = "" if value is None else str(value)
        parts = [f'<select name="{escape(name)}"{flatatt(attrs)}>']
        for group_value, group_label in self.choices:
            if isinstance(group_label, (list, tuple)):
                parts.append(f'<optgroup label="{escape(str(group_value))}">')
                parts.extend(self._option(v, label, selected) for v, label in group_label)
                parts.append("</optgroup>")
            else:
                parts.append(self._option(group_value, group_label, selected))
        parts.append("</select>")
        return mark_safe("".join(parts))

    @staticmethod
    def _option(value, label, selected: str) -> str:
        value = "" if value is None else str(value)
        marker = " selected" if value == selected else ""
        return f'<option value="{escape(value)}"{marker}>{escape(str(label))}</option>'
