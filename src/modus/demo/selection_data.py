"""The programme's call for expression of interest, and the Katowice call for pitches.

What the facts give (../shared/data/clusters-meet-regions.md): host regions and co-hosts are chosen
through a call for expression of interest with several cut-off dates — 29 July 2022 18:00 CEST,
2 December 2022 18:00 CET, 1 April 2023 18:00 CEST "and one more" — open to clusters, regional
development agencies, business networks and national or regional authorities, with a letter of
support from the regional authority. The fourth date is not public: it is seeded as an invented
date (``CutOff.invented``) and its label says so. Everything else — the criteria and questions'
wording, the applications, reviewers, scores, the pitches, the jury and the votes — is invented,
and every text says so. The Polish Cluster Association's application is the one that became the
Katowice edition; that it was chosen at the first cut-off is our assumption, and accepting it links
the existing event instead of creating a new one.

Writes go through the selection services (they enforce the rules), with the clock set to the
historical moments and no e-mails; timestamps the services stamp with "now" are then set to those
moments. Each call is made once: when it is there already, nothing is written.
"""

import datetime as dt
import io
import random
import unicodedata
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from modus.accounts.models import Membership
from modus.activity.models import ActionLogEntry
from modus.directory.models import Ecosystem, Organisation, Region
from modus.events.models import Event, Registration, Session
from modus.programmes.models import Programme
from modus.selection import services
from modus.selection.models import (
    Application,
    ApplicationDocument,
    AudienceVote,
    Call,
    CutOff,
    Review,
)
from modus.selection.services import notifications
from modus.selection.services.history import Action
from modus.web.pdf import fonts

from . import matchmaking_data
from .event_agenda import KATOWICE_SLUG, WARSAW
from .programme_data import PROGRAMME_SLUG

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
HOST_CALL_SLUG = "clusters-meet-regions-call-for-expression-of-interest"
PITCH_CALL_SLUG = "katowice-2022-call-for-pitches"
INVENTED = "Invented for the demo."
EMAIL = "{}@demo.modus.invalid"


def at(year, month, day, hour=12, minute=0, zone=BRUSSELS) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=zone)


# The call for expression of interest -----------------------------------------------------------

HOST_CALL = {
    "title": "Host a Clusters meet Regions edition: call for expression of interest",
    "description": (
        "Regions and their cluster organisations are invited to propose to host an edition of "
        "Clusters meet Regions: two days around the host region's own priorities, with EU "
        "cluster-policy scene-setting, the partnership between the regional government and its "
        "clusters, sessions on the region's priority ecosystems, panels, one-to-one matchmaking "
        "and a pitching session.\n\n"
        "Cluster organisations, regional development agencies, business networks and national "
        "or regional authorities may apply. A letter of support from the regional authority is "
        "required.\n\n"
        "Applications are assessed after each cut-off date. The first three dates are public; "
        "the public record mentions a fourth without its date, so the date shown for it here is "
        "invented for the demo. The criteria, questions and applications of this demo call are "
        "our own illustration."
    ),
    "eligible_kinds": [
        Organisation.Kind.CLUSTER,
        Organisation.Kind.AGENCY,
        Organisation.Kind.CLUSTER_ASSOCIATION,
        Organisation.Kind.AUTHORITY,
    ],
    "score_min": 0,
    "score_max": 5,
    "review_days": 14,
}
# (local wall-clock deadline, label, invented)
CUT_OFFS = [
    (dt.datetime(2022, 7, 29, 18, 0), "First cut-off", False),
    (dt.datetime(2022, 12, 2, 18, 0), "Second cut-off", False),
    (dt.datetime(2023, 4, 1, 18, 0), "Third cut-off", False),
    (
        dt.datetime(2023, 10, 2, 18, 0),
        "Fourth cut-off (date invented: the public record does not give it)",
        True,
    ),
]
HOST_CRITERIA = [
    ("Relevance to the region's smart-specialisation priorities and EU cluster policy", 3),
    ("Strength and commitment of the regional cluster ecosystem", 2),
    ("Capacity to host: venue, team and co-organisers", 2),
    ("Expected follow-up and interregional cooperation", 1),
]
HOST_QUESTIONS = [
    ("Which of your region's priority ecosystems would the edition focus on, and why?", True),
    ("Who would co-organise, and what would each organisation do?", True),
    ("Anything else the programme office should know?", False),
]
LETTER = (
    "Letter of support from the regional authority",
    "Signed by the regional (or national) authority; one PDF, at most 10 MB.",
)

# The pitching session in Katowice --------------------------------------------------------------

PITCH_CALL = {
    "title": "Pitch at Clusters meet Regions in Katowice",
    "description": (
        "Companies and clusters present a project or an idea for cooperation in five minutes "
        "each to the room and a jury, on the second day of the Katowice edition. The session "
        "took place and was recorded; this call, its pitches, jury scores and audience votes "
        "are invented for the demo."
    ),
    "eligible_kinds": [Organisation.Kind.COMPANY, Organisation.Kind.CLUSTER],
    "pitch_minutes": 5,
    "places": 5,
    "score_min": 0,
    "score_max": 10,
}
PITCH_DEADLINE = (dt.datetime(2022, 10, 28, 18, 0), "Deadline (date invented for the demo)")
PITCH_CRITERIA = [
    ("Innovation", 2),
    ("Market potential", 2),
    ("Fit for cooperation across regions", 1),
    ("Clarity of the pitch", 1),
]
PITCHES = 6  # five selected, one not
PITCH_TEXTS = [
    "A pilot line for {tech} that halves set-up time for small manufacturers.",
    "A shared testbed for {tech}, open to SMEs from partner regions.",
    "A data platform that matches {tech} suppliers with buyers across borders.",
    "Retrofitting kits based on {tech} for the region's older industrial sites.",
    "A training programme in {tech} run with two universities and three clusters.",
    "A marketplace for second-life components in {tech}.",
]
VOTERS = 48


def load(*, log=print) -> None:
    programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
    katowice = Event.objects.filter(slug=KATOWICE_SLUG).first()
    if programme is None or katowice is None:
        log("Calls: the programme or the Katowice edition is missing, skipped.")
        return
    with transaction.atomic(), notifications.muted():
        people = _people()
        host = _host_call(programme, katowice, people)
        pitches = _pitch_call(katowice, people)
    log(f"Calls: {host}; {pitches}.")


# People ----------------------------------------------------------------------------------------


def _user(local_part: str, name: str):
    User = get_user_model()
    user, _created = User.objects.get_or_create(
        email=EMAIL.format(local_part),
        defaults={"full_name": name, "password": make_password(None)},
    )
    return user


def _member(user, organisation) -> None:
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Membership.Role.ADMIN}
    )


def _people() -> dict:
    """The invented programme officer, reviewers, jury and the Polish Cluster Association's
    contact (who applies for Katowice and runs its call for pitches as co-host)."""
    return {
        "office": _user("programme-office", "Demo programme officer (invented)"),
        "reviewers": [
            _user(f"reviewer-{n}", name)
            for n, name in enumerate(
                [
                    "Helena Berg (invented reviewer)",
                    "Tomás Ruiz (invented reviewer)",
                    "Ana Kovač (invented reviewer)",
                ],
                start=1,
            )
        ],  # fmt: skip
        "jury": [
            _user(f"jury-{n}", name)
            for n, name in enumerate(
                [
                    "Jakub Zieliński (invented juror)",
                    "Marie Lambert (invented juror)",
                    "Oskar Lind (invented juror)",
                ],
                start=1,
            )
        ],  # fmt: skip
        "pca": _user("polish-cluster-association", "Demo contact, Polish Cluster Association"),
    }


# PDFs ------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF (invariant: the same text gives the same bytes)."""
    regular, bold, unicode = fonts()
    text = (lambda s: s) if unicode else _fold
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setTitle(text(title))
    canvas.setFont(bold, 16)
    canvas.drawString(60, 770, text(title))
    canvas.setFont(regular, 11)
    for number, line in enumerate(lines, start=1):
        canvas.drawString(60, 770 - 24 * number, text(line))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _upload(name: str, body: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


# Timestamps ------------------------------------------------------------------------------------


class History:
    """Sets the "now" the services stamped on a new application's log to a historical moment."""

    def __init__(self, application: Application):
        self.application = application
        self.last_log = 0

    def _last_log(self) -> int:
        entry = self.application.action_log.order_by("-pk").first()
        return entry.pk if entry else 0

    def stamp(self, moment: dt.datetime) -> None:
        self.application.action_log.filter(pk__gt=self.last_log).update(at=moment)
        Application.objects.filter(pk=self.application.pk).update(updated_at=moment)
        self.last_log = self._last_log()


# The host call ---------------------------------------------------------------------------------


def _create_host_call(programme, office) -> Call:
    if not programme.team.filter(pk=office.pk).exists():
        programme.team.add(office)
    opened = at(2022, 6, 1, 10, 0)
    call = services.create_call(
        actor=office, purpose=Call.Purpose.HOST, programme=programme, **HOST_CALL
    )
    for local, label, invented in CUT_OFFS:
        cut_off = services.add_cut_off(
            call, actor=office, local_deadline=local, time_zone="Europe/Brussels", label=label
        )
        if invented:
            CutOff.objects.filter(pk=cut_off.pk).update(invented=True)
    for title, weight in HOST_CRITERIA:
        services.add_criterion(call, actor=office, title=title, weight=weight)
    for text, required in HOST_QUESTIONS:
        services.add_question(call, actor=office, text=text, required=required)
    services.add_document_requirement(
        call, actor=office, title=LETTER[0], description=LETTER[1], required=True
    )
    services.open_call(call, actor=office, now=opened)
    Call.objects.filter(pk=call.pk).update(slug=HOST_CALL_SLUG, created_at=opened)
    call.slug = HOST_CALL_SLUG
    return call


def _host_region(organisation) -> Region | None:
    """The NUTS 2 region around the organisation's place (a proposed host region)."""
    code = organisation.region_id or ""
    return Region.objects.filter(code=code[:4]).first() if len(code) >= 4 else None


def _eligible_organisations(kinds) -> list[Organisation]:
    """Synthetic organisations (real regions) of these kinds, in a fixed order."""
    organisations = matchmaking_data._organisations()
    return [o for o in organisations if o.kind in kinds and o.region_id]


def _host_call(programme, katowice, people) -> str:
    if Call.objects.filter(slug=HOST_CALL_SLUG).exists():
        return "the call for expression of interest is in place"
    office = people["office"]
    call = _create_host_call(programme, office)
    cut_offs = list(call.cut_offs.order_by("deadline"))
    criteria = list(call.criteria.all())
    questions = list(call.questions.all())
    letter = call.documents.get()
    ecosystems = {e.key: e for e in Ecosystem.objects.all()}
    reviewers = people["reviewers"]
    pca = Organisation.objects.get(slug="polish-cluster-association")
    _member(people["pca"], pca)
    candidates = _eligible_organisations(set(HOST_CALL["eligible_kinds"]) - {"association"})
    if len(candidates) < 4:  # a tiny directory: fall back to any eligible body in a region
        candidates += list(
            Organisation.objects.filter(kind__in=HOST_CALL["eligible_kinds"], region__isnull=False)
            .exclude(pk__in=[pca.pk, *[c.pk for c in candidates]])
            .order_by("slug")[: 4 - len(candidates)]
        )

    def draft(organisation, user, started, fields, answers, focus, letter_too=True):
        application = services.start_application(
            call, organisation=organisation, actor=user, title=fields.pop("title")
        )
        history = History(application)
        services.save_draft(
            application,
            actor=user,
            answers={str(q.pk): a for q, a in zip(questions, answers, strict=False)},
            ecosystems=[ecosystems[k] for k in focus if k in ecosystems],
            **fields,
        )
        Application.objects.filter(pk=application.pk).update(created_at=started)
        if letter_too:
            services.attach_document(
                application,
                requirement=letter,
                upload=_upload(
                    "letter-of-support.pdf",
                    pdf(
                        "Letter of support",
                        [
                            f"For the application of {organisation.name}",
                            "to host an edition of Clusters meet Regions.",
                            "This letter is invented for the demo; no authority signed it.",
                        ],
                    ),
                ),
                actor=user,
            )
            ApplicationDocument.objects.filter(application=application).update(
                uploaded_at=started + dt.timedelta(days=2)
            )
        history.stamp(started)
        return application, history

    def submit(application, history, user, moment):
        services.submit_application(application, actor=user, now=moment)
        history.stamp(moment)

    def review(application, history, moment, marks, count=None):
        """Assign the reviewers; the first ``count`` submit scores (all by default)."""
        for k, reviewer in enumerate(reviewers):
            review_ = services.assign_reviewer(
                application, reviewer=reviewer, actor=office, notify=False
            )
            Review.objects.filter(pk=review_.pk).update(assigned_at=moment)
            history.stamp(moment)
            if count is not None and k >= count:
                continue
            values = marks[k]
            services.save_review(
                review_,
                actor=reviewer,
                scores={
                    c.pk: (v, "Invented comment for the demo.")
                    for c, v in zip(criteria, values, strict=True)
                },
                comment=f"Overall view of reviewer {k + 1}. {INVENTED}",
                submit=True,
                now=moment + dt.timedelta(days=3 + k),
            )

    # 1. The Polish Cluster Association proposes Katowice: accepted at the first cut-off.
    region = katowice.region
    application, history = draft(
        pca,
        people["pca"],
        at(2022, 7, 4),
        {
            "title": "Katowice: Clusters meet Regions alongside the Polish Cluster Congress",
            "summary": (
                "Two days at the International Congress Centre in Katowice, next to the 8th "
                "Polish Cluster Congress, around Śląskie's priorities: energy, health, "
                "sustainable economy, ICT and emerging industries. This application text is "
                "invented for the demo; the edition itself took place on 7–8 November 2022."
            ),
            "region": region,
            "city": "Katowice",
            "venue": "International Congress Centre (MCK)",
            "proposed_starts_on": dt.date(2022, 11, 7),
            "proposed_ends_on": dt.date(2022, 11, 8),
        },
        [
            "Energy, health, ICT and mobility, the region's smart-specialisation areas. "
            + INVENTED,
            "The Polish Cluster Association with the region's cluster organisations. " + INVENTED,
            "",
        ],
        ["energy-renewables", "health", "digital", "mobility-transport-automotive"],
    )
    submit(application, history, people["pca"], at(2022, 7, 27, 15, 30))
    review(application, history, at(2022, 8, 3), [(5, 4, 5, 4), (4, 5, 4, 4), (5, 4, 4, 3)])
    decided = at(2022, 9, 5, 11, 0)
    # Decided by hand: the edition exists already, so no draft event is created for it.
    reasons = (
        "A strong ecosystem and a congress on the same days; the programme office chose "
        "Katowice as the third edition. " + INVENTED
    )
    Application.objects.filter(pk=application.pk).update(
        status=Application.Status.ACCEPTED,
        decision_reasons=reasons,
        decided_at=decided,
        decided_by=office,
        created_event=katowice,
    )
    services.history.log(application, office, Action.ACCEPTED, reasons)
    history.stamp(decided)

    # 2. Rejected at the second cut-off.
    applicants = {}
    texts = [
        ("rejected", cut_offs[1], at(2022, 11, 14), at(2022, 11, 30, 17, 10)),
        ("withdrawn", cut_offs[2], at(2023, 3, 6), at(2023, 3, 29, 16, 45)),
        ("submitted", cut_offs[3], at(2023, 9, 4), at(2023, 9, 28, 10, 20)),
        ("draft", None, at(2023, 9, 18), None),
    ]
    for (state, _cut_off, started, submitted_at), organisation in zip(
        texts, candidates, strict=False
    ):
        user = _user(f"applicant-{organisation.slug}", f"Demo applicant, {organisation.name}")
        _member(user, organisation)
        applicants[state] = organisation
        host_region = _host_region(organisation) or organisation.region
        city = host_region.name if host_region else ""
        year = started.year + 1
        application, history = draft(
            organisation,
            user,
            started,
            {
                "title": f"Clusters meet Regions in {city}",
                "summary": (
                    f"{organisation.name} proposes an edition in {city} around its "
                    f"region's priorities. {INVENTED}"
                ),
                "region": host_region,
                "city": city,
                "venue": "" if state == "draft" else f"{city} Conference Centre (invented)",
                "proposed_starts_on": dt.date(year, 5, 10),
                "proposed_ends_on": dt.date(year, 5, 11),
            },
            [f"Our regional priorities. {INVENTED}", f"Local partners. {INVENTED}"]
            if state != "draft"
            else [f"Our regional priorities. {INVENTED}"],
            [e.key for e in organisation.ecosystems.all()],
            letter_too=state != "draft",
        )
        if state == "draft":
            continue
        submit(application, history, user, submitted_at)
        if state == "rejected":
            review(
                application, history, at(2022, 12, 7), [(3, 2, 3, 2), (2, 3, 2, 2), (3, 3, 2, 1)]
            )
            moment = at(2023, 1, 16, 14, 0)
            services.reject_application(
                application,
                actor=office,
                reasons=(
                    "The proposal came without co-organisers from the regional government, "
                    "and its dates clashed with another edition. " + INVENTED
                ),
            )
            Application.objects.filter(pk=application.pk).update(decided_at=moment)
            history.stamp(moment)
        elif state == "withdrawn":
            moment = at(2023, 4, 12, 9, 30)
            services.withdraw_application(
                application,
                actor=user,
                reason="Our regional elections moved the budget to next year. " + INVENTED,
            )
            history.stamp(moment)
        elif state == "submitted":
            review(application, history, at(2023, 10, 9), [(4, 3, 4, 3), (3, 4, 3, 4)], count=2)
    Call.objects.filter(pk=call.pk).update(status=Call.Status.CLOSED, updated_at=at(2023, 10, 3))
    count = call.applications.count()
    return (
        f"the call for expression of interest with {len(cut_offs)} cut-offs, {count} applications"
    )


# The call for pitches --------------------------------------------------------------------------


def _pitch_call(katowice, people) -> str:
    if Call.objects.filter(slug=PITCH_CALL_SLUG).exists():
        return "the Katowice call for pitches is in place"
    session = Session.objects.filter(event=katowice, slug="pitching-session").first()
    if session is None or hasattr(session, "pitch_call"):
        return "no pitching session for a call"
    manager = people["pca"]
    _member(manager, Organisation.objects.get(slug="polish-cluster-association"))
    opened = at(2022, 10, 3, 10, 0, WARSAW)
    call = services.create_call(
        actor=manager, purpose=Call.Purpose.PITCHES, session=session, **PITCH_CALL
    )
    local, label = PITCH_DEADLINE
    cut_off = services.add_cut_off(
        call, actor=manager, local_deadline=local, time_zone="Europe/Warsaw", label=label
    )
    CutOff.objects.filter(pk=cut_off.pk).update(invented=True)
    criteria = [
        services.add_criterion(call, actor=manager, title=title, weight=weight)
        for title, weight in PITCH_CRITERIA
    ]
    services.open_call(call, actor=manager, now=opened)
    Call.objects.filter(pk=call.pk).update(slug=PITCH_CALL_SLUG, created_at=opened)
    call.slug = PITCH_CALL_SLUG
    deck = call.documents.get()

    # Companies (else clusters) among the matchmaking participants' organisations; each pitch is
    # sent by that organisation's first participant.
    organisations = matchmaking_data._organisations()
    chosen = [o for o in organisations if o.kind == Organisation.Kind.COMPANY][:PITCHES]
    chosen += [o for o in organisations if o.kind == Organisation.Kind.CLUSTER][
        : PITCHES - len(chosen)
    ]
    User = get_user_model()
    pitchers = {}
    applications = []
    for k, organisation in enumerate(chosen):
        index = organisations.index(organisation)
        pitcher = User.objects.get(email=matchmaking_data.EMAIL.format(2 * index + 1))
        _member(pitcher, organisation)
        pitchers[pitcher.pk] = organisation
        tech = (organisation.technology_fields or ["cluster cooperation"])[0]
        started = at(2022, 10, 10 + k, 9, 0, WARSAW)
        application = services.start_application(
            call, organisation=organisation, actor=pitcher, title=f"{organisation.name}: {tech}"
        )
        history = History(application)
        services.save_draft(
            application,
            actor=pitcher,
            summary=f"{PITCH_TEXTS[k % len(PITCH_TEXTS)].format(tech=tech)} {INVENTED}",
        )
        Application.objects.filter(pk=application.pk).update(created_at=started)
        services.attach_document(
            application,
            requirement=deck,
            upload=_upload(
                "pitch-deck.pdf",
                pdf(
                    organisation.name,
                    [
                        PITCH_TEXTS[k % len(PITCH_TEXTS)].format(tech=tech),
                        "Pitch deck invented for the demo of Clusters meet Regions, Katowice.",
                    ],
                ),
            ),
            actor=pitcher,
        )
        ApplicationDocument.objects.filter(application=application).update(uploaded_at=started)
        history.stamp(started)
        moment = started + dt.timedelta(days=5)
        services.submit_application(application, actor=pitcher, now=moment)
        history.stamp(moment)
        applications.append((application, history))

    decided = at(2022, 11, 2, 15, 0, WARSAW)
    selected = []
    for application, history in applications[:-1]:
        services.accept_application(
            application, actor=manager, reasons="Selected for the session. " + INVENTED
        )
        Application.objects.filter(pk=application.pk).update(decided_at=decided)
        history.stamp(decided)
        selected.append(application)
    if len(applications) > len(selected):
        application, history = applications[-1]
        services.reject_application(
            application,
            actor=manager,
            reasons="Five places only; a close sixth. " + INVENTED,
        )
        Application.objects.filter(pk=application.pk).update(decided_at=decided)
        history.stamp(decided)
    order = [a.pk for a in selected]
    random.Random("katowice-2022-running-order").shuffle(order)
    services.set_running_order(call, order, actor=manager)
    ActionLogEntry.objects.filter(selection_application__call=call, action=Action.ORDERED).update(
        at=decided + dt.timedelta(days=1)
    )

    # The jury scores live during the session.
    session_start = session.starts_at
    for member in people["jury"]:
        call.panel.add(member)
    services.assign_jury(call, actor=manager)
    Review.objects.filter(application__call=call, stage=Review.Stage.LIVE).update(
        assigned_at=session_start - dt.timedelta(days=1)
    )
    ActionLogEntry.objects.filter(
        selection_application__call=call, action=Action.REVIEWER_ASSIGNED
    ).update(at=session_start - dt.timedelta(days=1))
    rng = random.Random("katowice-2022-jury")
    by_order = {pk: position for position, pk in enumerate(order)}
    reviews = Review.objects.filter(application__call=call, stage=Review.Stage.LIVE).select_related(
        "reviewer"
    )
    for review in sorted(reviews, key=lambda r: (by_order[r.application_id], r.reviewer.email)):
        position = by_order[review.application_id]
        services.save_review(
            review,
            actor=review.reviewer,
            scores={c.pk: (rng.randint(5, 10), "") for c in criteria},
            comment=INVENTED,
            submit=True,
            now=session_start + dt.timedelta(minutes=6 * position + 5),
        )

    # Audience votes from registered participants (not the pitchers), then the results.
    services.set_voting(call, actor=manager, open=True)
    voters = list(
        User.objects.filter(
            email__in=[
                matchmaking_data.EMAIL.format(n)
                for n in range(1, matchmaking_data.PARTICIPANTS + 1)
            ],
            registrations__event=katowice,
            registrations__status=Registration.Status.CONFIRMED,
        )
        .exclude(pk__in=list(pitchers))
        .order_by("email")[:VOTERS]
    )
    vote_rng = random.Random("katowice-2022-votes")
    weights = [5, 3, 2, 2, 1][: len(selected)]
    for voter in voters:
        choice = vote_rng.choices(selected, weights)[0]
        services.cast_vote(call, choice, user=voter)
    voting_ends = session.ends_at - dt.timedelta(minutes=10)
    AudienceVote.objects.filter(call=call).update(created_at=voting_ends)
    services.publish_results(call, actor=manager)
    services.close_call(call, actor=manager)
    Call.objects.filter(pk=call.pk).update(updated_at=session.ends_at)
    return (
        f"the Katowice call for pitches with {len(selected)} pitches, "
        f"{reviews.count()} jury sheets and {len(voters)} audience votes"
    )
