"""Attachments: PDF or DOCX only, recognised by their content, and size-limited."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED = {"application/pdf": "pdf",
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx"}


def check(upload) -> None:
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(_("Vedlegget er større enn %(mb)s MB.")
                              % {"mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)})
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED:
        raise ValidationError(_("Vedlegget må være en PDF- eller DOCX-fil."))
    if not upload.name.lower().endswith("." + ALLOWED[kind.mime]):
        raise ValidationError(_("Filnavnet stemmer ikke med innholdet (%(kind)s).")
                              % {"kind": ALLOWED[kind.mime].upper()})
