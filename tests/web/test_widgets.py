from django import forms

from modus.web.widgets import DatalistInput, QuickSelect


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


class RegionBoxForm(forms.Form):
    region = forms.CharField(
        required=False,
        widget=DatalistInput(choices=[("PL22", "Śląskie · Poland"), ("X<Y", 'a "quoted" <b>')]),
    )


def test_datalist_input_is_a_text_box_with_escaped_suggestions():
    html = str(RegionBoxForm({"region": "PL22"})["region"])
    assert '<input type="text" name="region" value="PL22"' in html
    assert 'list="id_region-choices"' in html and 'autocomplete="off"' in html
    assert '<datalist id="id_region-choices"><option value="PL22">Śląskie · Poland</option>' in html
    assert '<option value="X&lt;Y">a &quot;quoted&quot; &lt;b&gt;</option>' in html
