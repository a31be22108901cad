# More account pages: API tokens, notifications, the organisation's people, export, deletion.

am-back = ← My account
am-created = Created
am-save = Save
am-actions = Actions

am-tokens-title = API tokens
am-tokens-intro = A token lets a program use the portal's API on your behalf, with your rights. Send it in the header “Authorization: Bearer …”. Revoke a token you no longer use.
am-tokens-none = You have no tokens.
am-tokens-name = Name
am-tokens-name-hint = What the token is for, e.g. “ERP export”.
am-tokens-name-missing = Give the token a name.
am-tokens-name-long = The name may have at most 100 characters.
am-tokens-state = State
am-tokens-revoke = Revoke
am-tokens-revoked = The token is revoked: it no longer works.
am-tokens-revoked-on = Revoked on { $date }
am-tokens-new = New token
am-tokens-create = Create the token
am-tokens-secret-heading = Your new token:
am-tokens-secret-note = Copy it now and keep it safe: it is shown only this once. We keep only a fingerprint of it, so nobody can show it to you again.

am-alerts-title = Notifications
am-alerts-intro = Your saved searches tell you about new offers: by e-mail at once, in a daily digest, or only in a feed for your reader.
am-alerts-none = You have no saved searches yet. Search for offers and save the search to be told about new ones.
am-alerts-search = Search offers
am-alerts-delivery-of = Delivery of “{ $name }”
am-alerts-instant = E-mail at once
am-alerts-daily = Daily e-mail digest
am-alerts-feed = Feed only (no e-mail)
am-alerts-delete = Delete
am-alerts-saved = The delivery is saved.
am-alerts-deleted = The saved search is deleted.
am-alerts-feed-hint = A feed link works without signing in: keep it to yourself.

am-org-title = People of my organisation
am-org-since = Account since
am-org-you = (you)
am-org-pending = (has not set a password yet)
am-org-role-of = Role of { $email }
am-org-remove = Remove
am-org-add = Add a person
am-org-add-hint = A person without an account gets an e-mail with a link for setting a password.
am-org-add-submit = Add
am-org-invited = The person is added and we have sent them a link for setting a password.
am-org-added = The person is added to your organisation.
am-org-role = The role is changed.
am-org-removed = The person is removed from your organisation. Their account stays.
am-org-already = This person already belongs to your organisation.
am-org-taken = This address belongs to an account with another role or organisation. Ask the platform's administrator.
am-org-last-admin = Your organisation needs at least one administrator. Make someone else an administrator first.

am-export-link = Download my data
am-delete-title = Delete my account
am-delete-intro = Deleting your account erases your e-mail address, password, sessions, API tokens, saved searches and unfinished questionnaires. It cannot be undone.
am-delete-stays = What you published for your organisation (its profile, offers and replies) stays with the organisation, without your account.
am-delete-export = You may download your data first.
am-delete-submit = Delete my account for good
am-delete-wrong = The password is wrong.
