"""Text and number limits shared by models, forms and the method schema,
so every layer refuses the same input."""

TITLE_MAX = 200
NAME_MAX = 120
SHORT_TEXT_MAX = 300
TEXT_MAX = 5000
EMAIL_MAX = 254
URL_MAX = 500

DURATION_MIN = 1
DURATION_MAX = 240
MEETING_MINUTES_MIN = 15
MEETING_MINUTES_MAX = 480
AGENDA_ITEMS_MAX = 60
MEETINGS_PER_PROCESS_MAX = 40
