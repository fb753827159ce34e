from modus.results.suppression import suppress


def test_counts_below_five_become_none_and_labels_stay():
    figures = {
        "registered": 4,
        "organisations": 5,
        "zero": 0,
        "name": "Katowice",
        "share": 0.4,
        "flag": True,
        "rows": [{"meetings": 3, "country": "PL"}, {"meetings": 12}],
    }
    public = suppress(figures)
    assert public == {
        "registered": None,
        "organisations": 5,
        "zero": None,
        "name": "Katowice",
        "share": 0.4,
        "flag": True,
        "rows": [{"meetings": None, "country": "PL"}, {"meetings": 12}],
    }
    assert figures["registered"] == 4  # the stored figures are untouched


def test_a_mean_over_few_answers_is_suppressed():
    assert suppress({"mean": 4.5, "n": 3}) == {"mean": None, "n": None}
    assert suppress({"mean": 4.5, "n": 7}) == {"mean": 4.5, "n": 7}
