"""The committee's PDF summary: a kommune name with Sámi letters in the title and the
answers survives intact, and the document is tagged with its language and title."""

from livskraft.consultations.models import Consultation
from tests.documents import SAMI_LETTERS, SAMI_NAME, assert_accessible_pdf

from .test_committee import submit


def test_summary_pdf_sami_letters_language_title_tags(client, people, consultation):
    title = f"Høring i {SAMI_NAME}"
    Consultation.objects.filter(id=consultation.id).update(title=title)
    for i in range(5):
        submit(consultation, "9901", f"Nummer {i}: vegen til {SAMI_NAME} ({SAMI_LETTERS})")
    client.force_login(people["eier"])
    for language in ("nb", "nn", "en"):
        client.cookies["django_language"] = language
        response = client.get(f"/horing/{consultation.slug}/analyse/sammendrag.pdf")
        facts = assert_accessible_pdf(response.content, title, language)
        assert f"Nummer 4: vegen til {SAMI_NAME} ({SAMI_LETTERS})" in facts.text
