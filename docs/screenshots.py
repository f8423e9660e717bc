"""Copy a chosen set of the e2e suite's screenshots into docs/img/ for docs/handleiding.md.

Run by `make handleiding` after the e2e suite (tests/e2e) has saved its screenshots in test-artifacts/e2e/.
Each screenshot is cut to its top part (the suite saves whole pages, some very long), made smaller and saved as
an optimised PNG under a readable Dutch name. A missing screenshot stops the run with the list of what is missing:
then a test was skipped, failed or renamed a step, and the mapping below needs a look.

Usage: python docs/screenshots.py [--artifacts DIR] [--out DIR]
"""

import argparse
import sys
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts" / "e2e"
OUT = REPO / "docs" / "img"

PLAN = "test_facilitator_plans_edits_shortens_and_prints_runbook-desktop"
PARTNER = "test_partner_fills_the_card_on_a_phone_and_the_facilitator_sees_it"
LIVE = "test_note_reaches_projector_and_next_item_reaches_every_phone"
SESSION = "test_session_with_console_projector_and_five_phones_by_keyboard"
CLOSING = "closing"
FEEDBACK = "test_youth_reads_feedback_on_a_phone_and_reacts"
OWNER = "test_owner_updates_the_action_through_the_link_on_a_phone"
GROUPS = "test_groups_plan_a_move_by_keyboard_and_phones_show_their_table"

# docs name -> screenshot in test-artifacts/e2e/ (the order of the guide)
SCREENSHOTS = {
    # starting: methods and a process
    "methoden.png": f"{PLAN}/03-methods.png",
    "traject-nieuw.png": f"{PLAN}/05-process-create.png",
    "traject.png": f"{PLAN}/06-process-detail.png",
    "bijeenkomst-agenda.png": f"{PLAN}/07-meeting.png",
    "onderdeel-bewerken.png": f"{PLAN}/08-item-edit.png",
    # phase A: the network
    "netwerkkaart-telefoon.png": f"{PARTNER}/01-phone-page-1.png",
    "netwerkkaart-telefoon-klaar.png": f"{PARTNER}/03-phone-done.png",
    "netwerkkaart-begeleider.png": f"{PARTNER}/04-facilitator-card.png",
    # phase B: the live session
    "console-live.png": f"{SESSION}/01-console-live.png",
    "projectiescherm-code.png": f"{SESSION}/02-projector-join.png",
    "projectiescherm-vijf-telefoons.png": f"{SESSION}/03-projector-five-joined.png",
    "telefoon-aangemeld.png": f"{LIVE}/03-phone1-joined.png",
    "telefoon-post-it.png": f"{LIVE}/08-phone1-board.png",
    "console-post-its.png": f"{SESSION}/04-console-board.png",
    "projectiescherm-post-its.png": f"{SESSION}/06-projector-notes.png",
    "console-verborgen.png": f"{LIVE}/15-console-hidden.png",
    "console-thema.png": f"{SESSION}/07-console-theme.png",
    "projectiescherm-thema.png": f"{SESSION}/08-projector-theme.png",
    "console-ideeen-kiezen.png": f"{CLOSING}/03-console-pick-ideas.png",
    "console-stemmen.png": f"{SESSION}/10-console-vote.png",
    "telefoon-stippen.png": f"{CLOSING}/05-phone1-ballots.png",
    "telefoon-stippen-op.png": f"{CLOSING}/09-phone1-fourth-dot-refused.png",
    "projectiescherm-voor-onthullen.png": f"{SESSION}/12-projector-before-reveal.png",
    "projectiescherm-top-drie.png": f"{SESSION}/13-projector-top-three.png",
    "ideeen-naar-acties.png": f"{SESSION}/14-ideas.png",
    "actie-van-idee.png": f"{SESSION}/15-action-best.png",
    # phase C: feedback
    "terugkoppeling-gepubliceerd.png": f"{FEEDBACK}/03-published.png",
    "terugkoppeling-telefoon.png": f"{FEEDBACK}/04-phone-reads.png",
    "terugkoppeling-reactie.png": f"{FEEDBACK}/07-phone-reacted.png",
    "terugkoppeling-reactie-wacht.png": f"{FEEDBACK}/08-reaction-waits.png",
    "actie-eigenaar-telefoon.png": f"{OWNER}/01-owner-opens-link.png",
    "actie-bijgewerkt.png": f"{OWNER}/05-facilitator-sees-update.png",
    # the child poverty series: groups
    "indeling-gemaakt.png": f"{GROUPS}/03-plan-made.png",
    "telefoon-tafel.png": f"{GROUPS}/04-phone-table.png",
    "ontmoetingen.png": f"{GROUPS}/07-encounters.png",
}

# The suite's laptop is 1280 px wide, its phone 360 px at device scale 2 (720 px in the file).
DESKTOP_WIDTH, DESKTOP_HEIGHT = 1000, 1100  # after scaling: about the top 1400 px of the page
PHONE_WIDTH, PHONE_HEIGHT = 360, 960  # after scaling: the top 960 CSS px (a screen and a bit)


def convert(source: Path, target: Path) -> None:
    with Image.open(source) as image:
        image = image.convert("RGB")
        phone = image.width < 1000
        width, max_height = (PHONE_WIDTH, PHONE_HEIGHT) if phone else (DESKTOP_WIDTH, DESKTOP_HEIGHT)
        scale = width / image.width
        image = image.resize((width, round(image.height * scale)), Image.Resampling.LANCZOS)
        if image.height > max_height:
            image = image.crop((0, 0, width, max_height))
        # A palette of 256 colours keeps text sharp for these flat pages and the files small.
        image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        image.save(target, optimize=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifacts", type=Path, default=ARTIFACTS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    missing = [path for path in SCREENSHOTS.values() if not (args.artifacts / path).is_file()]
    if missing:
        print(f"!!! {len(missing)} screenshot(s) missing in {args.artifacts}:", file=sys.stderr)
        for path in missing:
            print(f"    {path}", file=sys.stderr)
        print(
            "Run the e2e suite first (make handleiding does), and check that no test was skipped or failed; "
            "if a step was renamed, update SCREENSHOTS in docs/screenshots.py.",
            file=sys.stderr,
        )
        return 1

    args.out.mkdir(parents=True, exist_ok=True)
    wanted = set(SCREENSHOTS)
    for stale in args.out.glob("*.png"):
        if stale.name not in wanted:
            stale.unlink()
    total = 0
    for name, path in SCREENSHOTS.items():
        target = args.out / name
        convert(args.artifacts / path, target)
        total += target.stat().st_size
    print(f"{len(SCREENSHOTS)} screenshots in {args.out} ({total / 1_000_000:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
