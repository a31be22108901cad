# Powiadomienia e-mail portalu, polski.
# Argumenty to zwykły tekst: $org, $title, $search, $name, $site, $language; $count to liczba.
# Nazwy organizacji i portalu stoją w mianowniku (po „organizacja”, „portal”), bo ich odmiany nie znamy.

## Wspólne

greeting = Dzień dobry, { $name },
greeting-anonymous = Dzień dobry,
footer-automatic = Ta wiadomość została wysłana automatycznie przez portal { $site }.
footer-do-not-reply = Prosimy na nią nie odpowiadać: odpowiedzi na ten adres nie są czytane.
open-conversation = Otwórz rozmowę
contact-person = Osoba kontaktowa
contact-organisation = Organizacja
contact-email = E-mail
contact-phone = Telefon
browse-offers = Przeglądaj oferty
see-all-results = Zobacz wszystkie wyniki
more-offers = …i jeszcze { $count }.
manage-alerts = Zarządzaj zapisanymi wyszukiwaniami i powiadomieniami

## Zainteresowanie (do właściciela oferty)

interest-received-subject = Zainteresowanie Twoją ofertą „{ $title }”: { $org }
interest-received-intro = Organizacja { $org } wyraziła zainteresowanie Twoją ofertą „{ $title }”.
interest-received-message = Treść wiadomości:
interest-received-original = Tłumaczenie automatyczne (język oryginału: { $language }). Oryginał:
interest-received-no-message = Nie dołączono wiadomości.
interest-received-next = Jeśli przyjmiesz zainteresowanie, portal { $site } przedstawi Was sobie e-mailem i przekaże dane kontaktowe.
interest-reply-subject = Nowa wiadomość w sprawie oferty „{ $title }”: { $org }
interest-reply-intro = Nowa wiadomość od { $org } w rozmowie o ofercie „{ $title }”.

## Przyjęcie zainteresowania (przedstawienie, do obu stron)

interest-accepted-subject = Nawiązanie kontaktu: { $org } – „{ $title }”
interest-accepted-intro-owner = Przyjęto zainteresowanie organizacji { $org } Twoją ofertą „{ $title }”. Oto dane kontaktowe:
interest-accepted-intro-interested = Organizacja { $org } przyjęła Twoje zainteresowanie ofertą „{ $title }”. Oto dane kontaktowe:
interest-accepted-reply = Odpowiedź na tę wiadomość trafi bezpośrednio do adresata: { $name }.

## Odrzucenie zainteresowania (do zainteresowanego)

interest-declined-subject = Twoje zainteresowanie ofertą „{ $title }”
interest-declined-intro = Organizacja { $org } odrzuciła Twoje zainteresowanie ofertą „{ $title }”.
interest-declined-note = Wiadomość od organizacji:
interest-declined-encourage = Na portalu { $site } jest wiele innych ofert – być może któraś z nich będzie pasować lepiej.

## Powiadomienie (jedno zapisane wyszukiwanie)

alert-subject = { $count ->
        [one] { $count } nowa oferta
        [few] { $count } nowe oferty
       *[many] { $count } nowych ofert
    } dla „{ $search }”
alert-intro = { $count ->
        [one] Jest { $count } nowa oferta pasująca
        [few] Są { $count } nowe oferty pasujące
       *[many] Jest { $count } nowych ofert pasujących
    } do zapisanego wyszukiwania „{ $search }”:
alert-why = Otrzymujesz tę wiadomość, ponieważ na portalu { $site } zapisano wyszukiwanie „{ $search }” z powiadomieniami e-mail.
unsubscribe-alert = Wyłącz e-maile dla tego wyszukiwania

## Dzienne podsumowanie (wszystkie zapisane wyszukiwania)

digest-subject = Dzienne podsumowanie: { $count ->
        [one] { $count } nowa oferta
        [few] { $count } nowe oferty
       *[many] { $count } nowych ofert
    }
digest-intro = Nowe oferty pasujące do Twoich zapisanych wyszukiwań od ostatniego podsumowania:
digest-section = „{ $search }”: { $count ->
        [one] { $count } nowa oferta
        [few] { $count } nowe oferty
       *[many] { $count } nowych ofert
    }
digest-empty = Od ostatniego podsumowania nie pojawiły się nowe oferty.
digest-why = Otrzymujesz to podsumowanie, ponieważ na portalu { $site } włączono je dla zapisanych wyszukiwań.
unsubscribe-digest = Wyłącz dzienne podsumowanie

## Konto (potwierdzenie, nowe hasło)

account-verify-subject = Potwierdź swój adres e-mail
account-verify-intro = Dziękujemy za rejestrację w serwisie { $site }. Potwierdź, że ten adres należy do Ciebie:
account-verify-action = Potwierdzam adres
account-reset-subject = Ustaw nowe hasło
account-reset-intro = Ktoś (mamy nadzieję, że Ty) poprosił o zmianę hasła do Twojego konta w serwisie { $site }. Nowe hasło ustawisz tutaj:
account-reset-action = Ustaw nowe hasło
account-exists-subject = Masz już konto
account-exists-intro = Ktoś (może Ty) próbował założyć konto w serwisie { $site } z tym adresem, ale konto z tym adresem już istnieje. Niczego nie zmieniono. Jeśli nie pamiętasz hasła, ustaw nowe tutaj:
account-exists-action = Ustaw nowe hasło
account-link-valid = { $count ->
    [one] Link działa jeden raz, przez { $count } godzinę.
    [few] Link działa jeden raz, przez { $count } godziny.
   *[many] Link działa jeden raz, przez { $count } godzin.
}
account-not-you = Jeśli to nie Ty, zignoruj tę wiadomość: bez kliknięcia w link nic się nie stanie.

## Ocena oferty
review-waiting-subject = Oferta { $org } czeka na Twoją ocenę: „{ $title }”
review-waiting-intro = { $org } wysłała ofertę „{ $title }”. Twój klaster ocenia oferty swoich członków: opublikuj ją albo odeślij z informacją, co zmienić.
review-waiting-action = Oceń ofertę
review-published-subject = Twoja oferta została opublikowana: „{ $title }”
review-published-intro = Oceniający z klastra opublikował Twoją ofertę „{ $title }”; teraz każdy może ją znaleźć.
review-published-action = Zobacz ofertę
review-returned-subject = Twoja oferta wymaga zmian: „{ $title }”
review-returned-intro = Oceniający z klastra odesłał Twoją ofertę „{ $title }” do szkicu z uwagą:
review-returned-action = Otwórz szkic
