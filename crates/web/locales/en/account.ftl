# Accounts: sign-up, confirmation, sign-in, password reset, the account page.

nav-signin = Sign in
nav-signup = Create an account
nav-account = My account
nav-signout = Sign out
nav-account-label = Account
nav-review = Reviews
nav-my-offers = My offers
nav-new-offer = Post an offer
nav-interests = Interests

form-error-summary = Please correct the marked fields.
field-email = E-mail address
field-password = Password
field-password-new = New password
field-password-hint = At least 10 characters. A few unrelated words are easy to remember and hard to guess.
field-password-repeat = Repeat the password
field-lang = Language of e-mails and offers
field-lang-hint = Offers are shown translated into this language; e-mails come in it (or in English).

error-email = Enter a valid e-mail address, like name@firm.pl.
error-password-short = The password needs at least 10 characters.
error-password-long = The password may have at most 256 characters.
error-password-email = The password may not be your e-mail address.
error-password-repeat = The two passwords differ.
error-lang = Choose a language from the list.
error-signin = The e-mail address or the password is wrong.
error-unverified = Please confirm your e-mail address first: we have sent you a new link.
error-too-many = Too many attempts. For your safety, try again in 15 minutes.

signup-title = Create an account
signup-intro = With an account you can post cooperation offers, answer offers of other firms, save searches and join a cluster through its questionnaire.
signup-privacy = We keep your e-mail address, a hash of your password and your language, to run your account. You can download or delete your data at any time on your account page.
signup-submit = Create the account
signup-have-account = Already have an account? Sign in

check-mail-title = Check your e-mail
check-mail-text = We have sent a message to the address you gave. Open the link in it to confirm the address; then you can sign in. The link works for 48 hours.
check-mail-spam = Nothing arrived within a few minutes? Look in the spam folder, or sign up again to get a new link.

verify-title = Confirm your e-mail address
verify-text = Confirm that the address { $email } is yours.
verify-submit = Confirm the address
verify-invalid-title = This link does not work
verify-invalid-text = The link has been used already or has expired. Sign in: if the address is still unconfirmed, we will send a new link.

signin-title = Sign in
signin-submit = Sign in
signin-forgot = Forgotten your password?
signin-no-account = No account yet? Create one
signin-done-verified = Your address is confirmed. Welcome!
signin-done-password = Your new password is set. Sign in with it.
signin-done-signed-out = You have signed out.
signin-done-deleted = Your account and your personal data have been deleted.

forgot-title = Forgotten password
forgot-intro = Enter the address of your account. We will send you a link for setting a new password.
forgot-submit = Send the link
forgot-sent = If an account with this address exists, we have sent it a link. It works for 2 hours.

reset-title = Set a new password
reset-intro = Choose a new password for { $email }. You will be signed out on all devices.
reset-submit = Set the password
reset-invalid-title = This link does not work
reset-invalid-text = The link has been used already or has expired. Ask for a new one.

account-title = My account
account-heading = My account
account-email = E-mail address
account-role = Role
account-organisation = Organisation
account-cluster = Cluster
account-since = Account since
account-lang = Language of e-mails and offers
account-lang-submit = Save the language
account-lang-saved = The language is saved.
role-admin = Platform administrator
role-coordinator = Cluster coordinator
role-org_admin = Administrator of an organisation
role-org_member = Member of an organisation
role-translator = Translator
role-visitor = Visitor (not yet a member of an organisation)
account-join-hint = To post offers for your firm, fill in the questionnaire: when a coordinator accepts it, your account becomes the administrator of your firm's profile.
