# Mail notifications of the portal, English (also the fallback for languages without a catalogue).
# Arguments are plain text: $org, $title, $search, $name, $site, $language; $count is a number.

## Shared

greeting = Hello { $name },
greeting-anonymous = Hello,
footer-automatic = This e-mail was sent automatically by { $site }.
footer-do-not-reply = Please do not reply to it: answers to this address are not read.
open-conversation = Open the conversation
contact-person = Contact person
contact-organisation = Organisation
contact-email = E-mail
contact-phone = Phone
browse-offers = Browse offers
see-all-results = See all results
more-offers = …and { $count } more.
manage-alerts = Manage your saved searches and alerts

## Interest received (to the offer's owner)

interest-received-subject = { $org } is interested in your offer “{ $title }”
interest-received-intro = { $org } has expressed interest in your offer “{ $title }”.
interest-received-message = Their message:
interest-received-original = Translated automatically from { $language }. The original:
interest-received-no-message = They did not add a message.
interest-received-next = If you accept, { $site } will introduce you to each other by e-mail with your contact details.
interest-reply-subject = New message about the offer “{ $title }” from { $org }
interest-reply-intro = { $org } wrote in the conversation about the offer “{ $title }”.

## Interest accepted (an introduction, to both parties)

interest-accepted-subject = Introduction: { $org } – “{ $title }”
interest-accepted-intro-owner = You accepted the interest of { $org } in your offer “{ $title }”. Here are their contact details:
interest-accepted-intro-interested = { $org } accepted your interest in the offer “{ $title }”. Here are their contact details:
interest-accepted-reply = Replying to this e-mail writes to { $name } directly.

## Interest declined (to the interested party)

interest-declined-subject = Your interest in “{ $title }”
interest-declined-intro = { $org } has declined your interest in the offer “{ $title }”.
interest-declined-note = Their note:
interest-declined-encourage = There are many other offers on { $site }; one of them may suit you better.

## Alert (one saved search)

alert-subject = { $count ->
        [one] { $count } new offer
       *[other] { $count } new offers
    } for “{ $search }”
alert-intro = { $count ->
        [one] There is { $count } new offer
       *[other] There are { $count } new offers
    } matching your saved search “{ $search }”:
alert-why = You receive this e-mail because the search “{ $search }” is saved on { $site } with e-mail alerts.
unsubscribe-alert = Stop e-mails for this search

## Daily digest (all saved searches)

digest-subject = Your daily digest: { $count ->
        [one] { $count } new offer
       *[other] { $count } new offers
    }
digest-intro = New offers matching your saved searches since the last digest:
digest-section = “{ $search }”: { $count ->
        [one] { $count } new offer
       *[other] { $count } new offers
    }
digest-empty = No new offers since the last digest.
digest-why = You receive this digest because it is turned on for your saved searches on { $site }.
unsubscribe-digest = Stop the daily digest

## Account (confirmation, password reset)

account-verify-subject = Confirm your e-mail address
account-verify-intro = Thank you for signing up to { $site }. Please confirm that this address is yours:
account-verify-action = Confirm my address
account-reset-subject = Set a new password
account-reset-intro = Someone (we hope you) asked to reset the password of your { $site } account. Choose a new password here:
account-reset-action = Set a new password
account-exists-subject = You already have an account
account-exists-intro = Someone (perhaps you) tried to sign up to { $site } with this address, but it already has an account. Nothing was changed. If you have forgotten your password, set a new one here:
account-exists-action = Set a new password
account-link-valid = { $count ->
    [one] The link works once, for { $count } hour.
   *[other] The link works once, for { $count } hours.
}
account-not-you = If it was not you, ignore this e-mail: without the link nothing happens.

## The review of an offer
review-waiting-subject = An offer of { $org } waits for your review: “{ $title }”
review-waiting-intro = { $org } has submitted the offer “{ $title }”. Your cluster reviews its members' offers: publish it, or send it back saying what to change.
review-waiting-action = Review the offer
review-published-subject = Your offer is published: “{ $title }”
review-published-intro = The cluster's reviewer has published your offer “{ $title }”; everyone can now find it.
review-published-action = See the offer
review-returned-subject = Your offer needs changes: “{ $title }”
review-returned-intro = The cluster's reviewer has sent your offer “{ $title }” back to draft, saying:
review-returned-action = Open the draft
