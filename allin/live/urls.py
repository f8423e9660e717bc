from django.urls import path

from . import (
    board_pages,
    groups_panel,
    moderation_views,
    participant_links,
    phone_views,
    photo_views,
    projector_views,
    room_views,
)
from . import console_views as c

public_patterns = [
    path("j/", phone_views.code_lookup, name="live_code"),
    path("j/<str:code>/", phone_views.join, name="live_join"),
    path("j/<str:code>/qr/<str:key>/", phone_views.join, name="live_join_qr"),
    path("j/<str:code>/stand/", phone_views.phone_stage, name="live_phone_stage"),
    path("j/<str:code>/post-it/", phone_views.note_post, name="live_note_post"),
    path("j/<str:code>/doe/<int:activity>/mijn/", phone_views.activity_mine, name="live_activity_mine"),
    path(
        "j/<str:code>/doe/<int:activity>/<slug:action>/",
        phone_views.activity_action,
        name="live_activity_action",
    ),
    path("j/<str:code>/tafel/", groups_panel.my_table_view, name="live_my_table"),
    path("p/<str:code>/<str:key>/", projector_views.projector, name="live_projector"),
    path("p/<str:code>/<str:key>/stand/", projector_views.projector_stage, name="live_projector_stage"),
    *photo_views.photo_public_patterns,
]

# Below /w/<workspace>/bijeenkomsten/<pk>/
meeting_patterns = [
    path("live/", c.console, name="live_console"),
    path("live/stand/", c.console_stage, name="live_console_stage"),
    path("live/post-its/eerder/", board_pages.console_older, name="live_console_older"),
    path("live/starten/", c.live_start, name="live_start"),
    path("live/stoppen/", c.live_stop, name="live_stop"),
    path("live/heropenen/", c.live_reopen, name="live_reopen"),
    path("live/naar/", c.item_goto, name="live_item_goto"),
    path("live/stap/", c.item_step, name="live_item_step"),
    path("live/scherm/", c.screen, name="live_screen"),
    path("live/bord/starten/", c.activity_start, name="live_activity_start"),
    path("live/bord/", c.activity_update, name="live_activity_update"),
    path("live/post-it/", c.note_add, name="live_note_add"),
    path("live/post-it/verbergen/", c.note_hide, name="live_note_hide"),
    path("live/post-it/verplaatsen/", c.note_move, name="live_note_move"),
    path("live/thema/nieuw/", c.theme_add, name="live_theme_add"),
    path("live/thema/naam/", c.theme_rename, name="live_theme_rename"),
    path("live/thema/samenvoegen/", c.theme_merge, name="live_theme_merge"),
    path("live/thema/verwijderen/", c.theme_delete, name="live_theme_delete"),
    path("live/projectorlink/", c.projector_renew, name="live_projector_renew"),
    path("live/zaal/grootte/", room_views.room_size, name="live_room_size"),
    path("live/zaal/dicht/", room_views.room_closed, name="live_room_closed"),
    path("live/zaal/toelaten/", room_views.room_let_in, name="live_room_let_in"),
    path("live/zaal/nieuwe-qr/", room_views.room_new_qr, name="live_room_new_qr"),
    path("live/moderatie/", moderation_views.moderation_mode, name="live_moderation"),
    path("live/telefoon/verbergen/", moderation_views.phone_hide, name="live_phone_hide"),
    path("live/telefoon/toelaten/", moderation_views.phone_unmute, name="live_phone_unmute"),
    path("live/timer/starten/", c.timer_start, name="live_timer_start"),
    path("live/timer/erbij/", c.timer_add, name="live_timer_add"),
    path("live/timer/stoppen/", c.timer_stop, name="live_timer_stop"),
    path("live/hoop-en-angst/uitgekomen/", c.hopes_mark, name="live_hopes_mark"),
    path("live/hoop-en-angst/scherm/", c.hopes_screen, name="live_hopes_screen"),
    path("live/doe/<int:activity>/<slug:action>/", c.kind_action, name="live_kind_action"),
    path("live/deelnemers/", participant_links.page, name="live_participant_links"),
    path("live/groepen/scherm/", c.console_action(groups_panel.screen), name="live_groups_screen"),
]
