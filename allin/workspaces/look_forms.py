from django import forms
from django.utils.translation import gettext_lazy as _

from . import look, look_services


class LookForm(forms.Form):
    primary = forms.CharField(
        label=_("Hoofdkleur"),
        max_length=7,
        help_text=_("Voor knoppen, links en de balk bovenaan. Witte tekst moet er goed op te lezen zijn."),
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    secondary = forms.CharField(
        label=_("Tweede kleur"),
        max_length=7,
        help_text=_("Voor de band onder de balk, balken en markeringen. Moet op wit goed te zien zijn."),
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    font = forms.ChoiceField(label=_("Letter"), choices=look.FONT_CHOICES)
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG of WebP, hoogstens 2 MB. Het wordt verkleind tot 480 × 160 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Logo weghalen"), required=False)

    def clean_primary(self):
        return look.normalise(self.cleaned_data["primary"])

    def clean_secondary(self):
        return look.normalise(self.cleaned_data["secondary"])

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if upload:
            look_services.logo_png(upload)  # refused here, with the field, before anything is saved
        return upload

    def clean(self):
        data = super().clean()
        if "primary" in data and "secondary" in data:
            problems = look.check_pair(data["primary"], data["secondary"])
            for problem in problems:
                field = "primary" if problem.code == "contrast_primary" else "secondary"
                self.add_error(field, problem)
        return data


def initial_for(record) -> dict:
    if record is None:
        return {"primary": look.DEFAULT_PRIMARY, "secondary": look.DEFAULT_SECONDARY, "font": "system"}
    return {"primary": record.primary, "secondary": record.secondary, "font": record.font}
