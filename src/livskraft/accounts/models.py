from django.conf import settings
from django.db import models


class SingleSignOnIdentity(models.Model):
    """A staff account's identity at the OpenID Connect provider: the issuer and its `sub`
    (stable and, at ID-porten, a pseudonym per client), never an e-mail address that can change."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="single_sign_on")
    issuer = models.CharField(max_length=300)
    subject = models.CharField(max_length=300)
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"],
                                               name="one_account_per_identity")]
