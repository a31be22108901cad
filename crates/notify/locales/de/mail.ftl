# E-Mail-Benachrichtigungen des Portals, Deutsch.
# Argumente sind reiner Text: $org, $title, $search, $name, $site, $language; $count ist eine Zahl.

## Gemeinsam

greeting = Guten Tag { $name },
greeting-anonymous = Guten Tag,
footer-automatic = Diese E-Mail wurde automatisch von { $site } versandt.
footer-do-not-reply = Bitte antworten Sie nicht darauf: Antworten an diese Adresse werden nicht gelesen.
open-conversation = Unterhaltung öffnen
contact-person = Ansprechperson
contact-organisation = Organisation
contact-email = E-Mail
contact-phone = Telefon
browse-offers = Angebote durchsuchen
see-all-results = Alle Ergebnisse ansehen
more-offers = …und { $count } weitere.
manage-alerts = Gespeicherte Suchen und Benachrichtigungen verwalten

## Interesse erhalten (an den Anbieter)

interest-received-subject = { $org } interessiert sich für Ihr Angebot „{ $title }“
interest-received-intro = { $org } hat Interesse an Ihrem Angebot „{ $title }“ bekundet.
interest-received-message = Nachricht:
interest-received-original = Automatisch übersetzt (Originalsprache: { $language }). Original:
interest-received-no-message = Es wurde keine Nachricht beigefügt.
interest-received-next = Wenn Sie annehmen, stellt { $site } Sie einander per E-Mail vor und teilt Ihre Kontaktdaten.
interest-reply-subject = Neue Nachricht zum Angebot „{ $title }“ von { $org }
interest-reply-intro = { $org } hat im Gespräch zum Angebot „{ $title }“ geschrieben.

## Interesse angenommen (Vorstellung, an beide Seiten)

interest-accepted-subject = Kontaktvermittlung: { $org } – „{ $title }“
interest-accepted-intro-owner = Sie haben das Interesse von { $org } an Ihrem Angebot „{ $title }“ angenommen. Hier sind die Kontaktdaten:
interest-accepted-intro-interested = { $org } hat Ihr Interesse am Angebot „{ $title }“ angenommen. Hier sind die Kontaktdaten:
interest-accepted-reply = Wenn Sie auf diese E-Mail antworten, schreiben Sie direkt an { $name }.

## Interesse abgelehnt (an den Interessenten)

interest-declined-subject = Ihr Interesse am Angebot „{ $title }“
interest-declined-intro = { $org } hat Ihr Interesse am Angebot „{ $title }“ abgelehnt.
interest-declined-note = Nachricht der Organisation:
interest-declined-encourage = Auf { $site } gibt es viele weitere Angebote – vielleicht passt eines davon besser.

## Benachrichtigung (eine gespeicherte Suche)

alert-subject = { $count ->
        [one] { $count } neues Angebot
       *[other] { $count } neue Angebote
    } für „{ $search }“
alert-intro = { $count ->
        [one] Es gibt { $count } neues Angebot
       *[other] Es gibt { $count } neue Angebote
    } zu Ihrer gespeicherten Suche „{ $search }“:
alert-why = Sie erhalten diese E-Mail, weil die Suche „{ $search }“ auf { $site } mit E-Mail-Benachrichtigung gespeichert ist.
unsubscribe-alert = E-Mails zu dieser Suche abbestellen

## Tägliche Übersicht (alle gespeicherten Suchen)

digest-subject = Ihre tägliche Übersicht: { $count ->
        [one] { $count } neues Angebot
       *[other] { $count } neue Angebote
    }
digest-intro = Neue Angebote zu Ihren gespeicherten Suchen seit der letzten Übersicht:
digest-section = „{ $search }“: { $count ->
        [one] { $count } neues Angebot
       *[other] { $count } neue Angebote
    }
digest-empty = Seit der letzten Übersicht gibt es keine neuen Angebote.
digest-why = Sie erhalten diese Übersicht, weil sie für Ihre gespeicherten Suchen auf { $site } eingeschaltet ist.
unsubscribe-digest = Tägliche Übersicht abbestellen

## Konto (Bestätigung, neues Passwort)

account-verify-subject = Bestätigen Sie Ihre E-Mail-Adresse
account-verify-intro = Vielen Dank für Ihre Registrierung bei { $site }. Bitte bestätigen Sie, dass diese Adresse Ihnen gehört:
account-verify-action = Adresse bestätigen
account-reset-subject = Neues Passwort festlegen
account-reset-intro = Jemand (hoffentlich Sie) hat verlangt, das Passwort Ihres Kontos bei { $site } zurückzusetzen. Hier legen Sie ein neues Passwort fest:
account-reset-action = Neues Passwort festlegen
account-exists-subject = Sie haben bereits ein Konto
account-exists-intro = Jemand (vielleicht Sie) wollte sich bei { $site } mit dieser Adresse registrieren, für sie besteht aber bereits ein Konto. Es wurde nichts geändert. Falls Sie Ihr Passwort vergessen haben, legen Sie hier ein neues fest:
account-exists-action = Neues Passwort festlegen
account-link-valid = { $count ->
    [one] Der Link funktioniert einmal, { $count } Stunde lang.
   *[other] Der Link funktioniert einmal, { $count } Stunden lang.
}
account-not-you = Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ohne den Link geschieht nichts.

## Die Prüfung eines Angebots
review-waiting-subject = Ein Angebot von { $org } wartet auf Ihre Prüfung: „{ $title }“
review-waiting-intro = { $org } hat das Angebot „{ $title }“ eingereicht. Ihr Cluster prüft die Angebote seiner Mitglieder: Veröffentlichen Sie es oder senden Sie es mit Hinweisen zur Überarbeitung zurück.
review-waiting-action = Angebot prüfen
review-published-subject = Ihr Angebot ist veröffentlicht: „{ $title }“
review-published-intro = Die Prüfung des Clusters hat Ihr Angebot „{ $title }“ veröffentlicht; jetzt kann es jeder finden.
review-published-action = Angebot ansehen
review-returned-subject = Ihr Angebot braucht Änderungen: „{ $title }“
review-returned-intro = Die Prüfung des Clusters hat Ihr Angebot „{ $title }“ als Entwurf zurückgegeben, mit dem Hinweis:
review-returned-action = Entwurf öffnen
