from modus.partners.suggestions.engine import Item, Participant, rank


def person(pid, org, **fields):
    return Participant(id=pid, organisation=org, **fields)


def test_reciprocal_fit_ranks_the_matching_offer_first_with_its_reason():
    seeker = person(
        1,
        10,
        country="PL",
        ecosystems=frozenset({"energy-renewables"}),
        request_items=[
            Item(5, "Hydrogen tank tests", "We need certified testing of hydrogen tanks")
        ],
        offers="Electrolyser prototypes and pilot sites",
    )
    lab = person(
        2,
        20,
        country="CZ",
        ecosystems=frozenset({"energy-renewables", "mobility-transport-automotive"}),
        offer_items=[
            Item(6, "Hydrogen storage testing", "Testing services for hydrogen storage tanks")
        ],
        seeks="pilot sites for electrolysers",
        target_countries=frozenset({"PL"}),
    )
    other = person(3, 30, country="DE", offers="Bakery franchises", seeks="Flour mills")
    result = rank([seeker, lab, other], k=2)
    first = result[1][0]
    assert first.candidate == 2 and first.opportunity == 6
    codes = [reason["code"] for reason in first.reasons]
    assert (
        codes[0] == "offers" and first.reasons[0]["params"]["title"] == "Hydrogen storage testing"
    )
    assert "ecosystems" in codes and "wants_your_country" in codes
    assert result[2][0].candidate == 1  # reciprocal: the lab is suggested the seeker too


def test_same_organisation_and_requested_people_are_left_out():
    digital = frozenset({"digital"})
    a = person(1, 10, offers="drones", seeks="sensors", excluded=frozenset({3}), ecosystems=digital)
    b = person(2, 10, offers="sensors", seeks="drones")
    c = person(3, 30, offers="sensors", seeks="drones")
    d = person(4, 40, offers="bread", seeks="flour", ecosystems=digital)
    assert [r.candidate for r in rank([a, b, c, d], k=3)[1]] == [4]


def test_nobody_is_suggested_without_a_reason():
    a = person(1, 10, offers="drones", seeks="sensors")
    b = person(2, 20, offers="bread", seeks="flour")
    c = person(3, 30, offers="sensor arrays", seeks="drone fleets")
    assert [r.candidate for r in rank([a, b, c], k=2)[1]] == [3]


def test_region_priorities_are_a_reason():
    viewer = person(1, 10, ecosystems=frozenset({"energy-renewables"}))
    cluster = person(2, 20, regions=frozenset({"PL22A", "PL22", "PL2"}), region_name="Katowicki")
    priorities = {"PL22": [("Śląskie", "Energy", frozenset({"energy-renewables"}))]}
    reasons = rank([viewer, cluster], priorities=priorities)[1][0].reasons
    assert {"code": "priority", "params": {"region": "Śląskie", "priority": "Energy"}} in reasons


def test_other_word_forms_meet_and_a_customer_is_suggested_too():
    seeker = person(1, 10, seeks="Recycling of gearboxes for trucks", offers="Bakery ovens")
    recycler = person(2, 20, offers="A recycler for gearbox units", seeks="Chemical sensors")
    bakery = person(3, 30, offers="Flour and yeast", seeks="Cheap ovens for bakeries")
    result = rank([seeker, recycler, bakery], k=2)
    by_candidate = {r.candidate: r for r in result[1]}
    assert set(by_candidate) == {2, 3}
    assert by_candidate[2].reasons[0]["code"] == "offers_profile"  # recycling meets recycler
    assert by_candidate[3].reasons[0]["code"] == "requests_profile"  # a customer for the ovens
    assert result[3][0].candidate == 1 and result[3][0].reasons[0]["code"] == "offers_profile"
