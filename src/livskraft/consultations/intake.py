"""Receiving, editing, exporting, anonymising and deleting submissions."""

from django.core.mail import send_mail
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from livskraft.web.formatting import in_oslo, moment

from .models import Answer, Consultation, Invitation, Membership, Question, Submission


class ConsultationClosed(Exception):
    """The deadline has passed (or the consultation is not published): nothing is accepted."""


@transaction.atomic
def save(consultation: Consultation, respondent: dict, answers: dict[int, str],
         attachment=None, submission: Submission | None = None) -> Submission:
    """Create or update a submission with its answers, all or nothing."""
    if not consultation.is_open():
        raise ConsultationClosed
    submission = submission or Submission(consultation=consultation)
    for field, value in respondent.items():
        setattr(submission, field, value)
    if attachment is not None:
        submission.attachment = attachment
    submission.save()
    questions = set(Question.objects.filter(theme__consultation=consultation)
                    .values_list("id", flat=True))
    for question_id, text in answers.items():
        if question_id not in questions:
            continue
        if text.strip():
            Answer.objects.update_or_create(submission=submission, question_id=question_id,
                                            defaults={"text": text.strip()})
        else:
            Answer.objects.filter(submission=submission, question_id=question_id).delete()
    return submission


def send_receipt(submission: Submission, private_url: str) -> None:
    if not submission.email:
        return
    send_mail(
        _("Kvittering: innspill til %(title)s") % {"title": submission.consultation.title},
        _("Takk for innspillet ditt. Du kan se og endre det fram til fristen %(deadline)s "
          "på denne private lenken:\n\n%(url)s\n\nDel ikke lenken med andre.")
        % {"deadline": moment(submission.consultation.deadline),
           "url": private_url},
        None, [submission.email],
    )


def notify_committee(invitation: Invitation, desk_url: str) -> None:
    """Tell the consultation's owners and moderators (and its shared address) about an
    invitation."""
    consultation = invitation.consultation
    to = [e for e in Membership.objects.filter(consultation=consultation)
          .values_list("user__email", flat=True) if e]
    if consultation.contact_email:
        to.append(consultation.contact_email)
    if not to:
        return
    send_mail(
        _("Invitasjon til utvalget: %(topic)s") % {"topic": invitation.topic},
        _("%(org)s inviterer utvalget til møte i %(place)s %(date)s om «%(topic)s».\n\n"
          "%(message)s\n\nSvar til: %(email)s\nAlle invitasjoner: %(url)s")
        % {"org": invitation.organisation, "place": invitation.place,
           "date": formats.date_format(invitation.date, "j. F Y"), "topic": invitation.topic,
           "message": invitation.message, "email": invitation.email, "url": desk_url},
        None, sorted(set(to)))


def personal_data(submission: Submission) -> dict:
    """Everything stored about the respondent, for the right of access."""
    return {
        "høring": submission.consultation.title,
        "innsendt": in_oslo(submission.created_at).isoformat(),
        "endret": in_oslo(submission.updated_at).isoformat(),
        "type": submission.respondent_type,
        "navn": submission.name,
        "organisasjon": submission.organisation,
        "epost": submission.email,
        "kommunenummer": submission.municipality_code,
        "vedtatt_i_møte": submission.for_meeting,
        "antall_til_stede": submission.present,
        "vedlegg": submission.attachment.name if submission.attachment else None,
        "status": submission.status,
        "svar": {a.question.text: a.text for a in submission.answers.select_related("question")},
    }


@transaction.atomic
def anonymise(submission: Submission) -> None:
    """Erase who the respondent is; the answers stay as an anonymous contribution."""
    if submission.attachment:
        submission.attachment.delete(save=False)
    submission.name = submission.organisation = submission.email = ""
    submission.anonymised = True
    submission.save()


@transaction.atomic
def delete(submission: Submission) -> None:
    """Erase the submission with its answers (and, see below, its attachment file)."""
    submission.delete()


def remove_attachment_file(sender, instance: Submission, **kwargs) -> None:
    """However a submission is deleted (here, in the admin, with its consultation), its file
    goes too, once the deletion has committed."""
    if instance.attachment:
        name, storage = instance.attachment.name, instance.attachment.storage
        transaction.on_commit(lambda: storage.delete(name))
