"""Demo logins: a few demo accounts get a known password so that a new user of ``make serve`` can
try each role. Only outside production (``MODUS_PRODUCTION`` off); in production every demo account
keeps an unusable password. A password is set once, so loading the demo again writes nothing."""

from django.conf import settings
from django.contrib.auth import get_user_model

DEMO_PASSWORD = "modus-demo"

# (e-mail, what the account can do)
DEMO_LOGINS = [
    ("programme-office@demo.modus.invalid", "programme office: calls, ranking, decisions"),
    (
        "polish-cluster-association@demo.modus.invalid",
        "co-host of Katowice and of the upcoming Wrocław edition: agenda, matchmaking, pitches",
    ),
    ("reviewer-1@demo.modus.invalid", "reviewer of the call for expression of interest"),
    ("jury-1@demo.modus.invalid", "juror in Katowice; score sheets to fill in for Wrocław"),
    (
        "participant-001@demo.modus.invalid",
        "participant: B2B meetings in Katowice, meeting requests to answer in Wrocław",
    ),
]


def load(*, log=print) -> None:
    if settings.PRODUCTION:
        log("Demo logins: none (production).")
        return
    users = get_user_model().objects.filter(email__in=[email for email, _ in DEMO_LOGINS])
    for user in users:
        if not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
    found = {user.email for user in users}
    lines = [f"  {email} — {role}" for email, role in DEMO_LOGINS if email in found]
    log(f"Demo logins (password “{DEMO_PASSWORD}”, development only):\n" + "\n".join(lines))
