"""The photo cards a workspace starts with, so a future dream can run on the first day: 26 drawings made for
ALL-IN (static/live/photo-set/, released under CC0 1.0 with the project: see the README there), each with an
alt text. They are cards like uploaded ones: the facilitator can change the text, delete one, add their own.

A stock card keeps no file of its own: `PhotoCard.stock` names the drawing, served from the shipped folder."""

from pathlib import Path

from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .activity_models import PhotoCard

SET_DIR = Path(__file__).resolve().parent / "static" / "live" / "photo-set"
WIDTH, HEIGHT = 600, 400
CONTENT_TYPE = "image/svg+xml"

CARDS = {
    "ballonnen": _("Vijf gekleurde ballonnen zweven samen omhoog in een blauwe lucht."),
    "bergtop": _("Een hoge berg met sneeuw op de top en een rode vlag op het hoogste punt."),
    "boom": _("Een grote boom vol rode appels in de zon."),
    "brug": _("Een rode brug over het water verbindt twee groene oevers."),
    "bushalte": _("Een gele bus rijdt langs een bushalte."),
    "handen": _("Armen in allerlei huidkleuren komen samen rond een rood hart."),
    "huis-met-licht": _("Een huis 's avonds, met licht achter alle ramen en in de deur."),
    "kiemplant": _("Een jong plantje met twee blaadjes groeit in een pot."),
    "kompas": _("Een kompas met de naald op het noorden."),
    "ladder": _("Een ladder staat tegen een gebouw met ramen."),
    "lamp": _("Een brandende gloeilamp in het donker: een idee."),
    "megafoon": _("Een rode megafoon waar geluid uit komt."),
    "netwerk": _("Gekleurde stippen die allemaal met lijnen aan elkaar vastzitten: een netwerk."),
    "open-deur": _("Een open deur met licht dat naar binnen valt."),
    "paraplu": _("Twee mensen schuilen samen onder een rode paraplu in de regen."),
    "puzzel": _("Twee puzzelstukjes die in elkaar passen, en een los stukje."),
    "regenboog": _("Een regenboog tussen twee witte wolken."),
    "ronde-tafel": _("Zes mensen zitten rond een tafel met briefjes erop."),
    "schatkaart": _("Een schatkaart met een stippellijn naar een rood kruis."),
    "sleutel": _("Een grote gouden sleutel."),
    "tandem": _("Een tandem: een fiets voor twee."),
    "trap-omhoog": _("Een trap omhoog met een vinkje bij de bovenste tree."),
    "vuurtoren": _("Een vuurtoren schijnt 's nachts over de zee."),
    "wegwijzer": _("Een wegwijzer met drie borden in verschillende richtingen."),
    "zeilboot": _("Een zeilboot op zee in de zon."),
    "zonsopgang": _("De zon komt op achter de huizen van een stad."),
}


def path_of(key: str) -> Path | None:
    """The shipped drawing for a stock key, or None for a key that is not in the set."""
    if key not in CARDS:
        return None
    path = SET_DIR / f"{key}.svg"
    return path if path.is_file() else None


def install(*, workspace_id: int) -> int:
    """Give the workspace the cards of the set it does not have yet (the alt texts in the active language, Dutch
    by default). Idempotent; returns how many were added."""
    have = set(
        PhotoCard.objects.filter(workspace_id=workspace_id).exclude(stock="").values_list("stock", flat=True)
    )
    new = [
        PhotoCard(
            workspace_id=workspace_id, stock=key, alt_text=str(gettext(alt)), width=WIDTH, height=HEIGHT
        )
        for key, alt in CARDS.items()
        if key not in have
    ]
    PhotoCard.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def _on_workspace_saved(sender, instance, created, **kwargs):
    if created and not kwargs.get("raw"):
        workspace_id = instance.pk
        # After the commit: a workspace whose creation rolls back leaves no cards behind.
        transaction.on_commit(lambda: install(workspace_id=workspace_id))


def listen():
    from allin.workspaces.models import Workspace

    post_save.connect(_on_workspace_saved, sender=Workspace, dispatch_uid="live.photo_set")
