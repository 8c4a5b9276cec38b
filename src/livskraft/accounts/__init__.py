"""Staff accounts beyond the password: single sign-on (OpenID Connect) and password reset by
e-mail. Participants and respondents never need an account."""
