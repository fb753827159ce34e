from django import forms

from modus.web.widgets import QuickSelect


class RegionForm(forms.Form):
    region = forms.ChoiceField(
        required=False,
        widget=QuickSelect,
        choices=[
            ("", "Any"),
            ("Poland", [("PL22", "PL22 Śląskie"), ("PL21", "PL21 Małopolskie")]),
            ("X<Y", 'Tricky <b>label</b> & "quotes"'),
        ],
    )


def test_quick_select_marks_the_chosen_option_inside_its_group():
    html = str(RegionForm({"region": "PL22"})["region"])
    assert html.startswith('<select name="region" id="id_region">')
    assert '<optgroup label="Poland"><option value="PL22" selected>PL22 Śląskie</option>' in html
    assert '<option value="PL21">' in html
    assert '<option value="" selected>' not in html


def test_quick_select_escapes_values_and_labels():
    html = str(RegionForm()["region"])
    assert (
        '<option value="X&lt;Y">Tricky &lt;b&gt;label&lt;/b&gt; &amp; &quot;quotes&quot;</option>'
        in html
    )
    assert '<option value="" selected>Any</option>' in html
