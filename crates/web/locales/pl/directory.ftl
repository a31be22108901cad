# Strony katalogu, polski. Argumenty: $value, $name, $status, $date to tekst; $count to liczba.

## Wyszukiwanie

dir-title = Katalog
dir-heading = Katalog firm, klastrów i instytucji
dir-intro = Firmy, organizacje klastrowe, uczelnie, instytuty badawcze, agencje rozwoju i izby gospodarcze. Szukaj po nazwie albo zawęź listę według rodzaju, branży, regionu, klastra lub wielkości.
dir-q = Nazwa
dir-q-hint = Fragment nazwy; wielkość liter i znaki diakrytyczne nie mają znaczenia.
dir-kind = Rodzaj organizacji
dir-kind-any = Dowolny rodzaj
dir-nace = Branża (kod NACE)
dir-nace-hint = Na przykład C, 25 lub 25.62.
dir-region = Region
dir-region-hint = Kod NUTS lub ISO 3166-2, na przykład PL84, PL841 lub BY-HR.
dir-country = Kraj
dir-country-hint = Kod dwuliterowy, na przykład PL, LT lub BY.
dir-cluster = Klaster
dir-cluster-any = Dowolny klaster
dir-size = Wielkość przedsiębiorstwa
dir-size-any = Dowolna wielkość
dir-submit = Szukaj
dir-reset = Wyczyść wszystkie filtry
dir-results = Organizacje
dir-total = { $count ->
    [one] Znaleziono { $count } organizację
    [few] Znaleziono { $count } organizacje
    [many] Znaleziono { $count } organizacji
   *[other] Znaleziono { $count } organizacji
}
dir-none = Żadna organizacja nie pasuje. Spróbuj krótszej nazwy albo usuń któryś filtr.
dir-form-invalid = Popraw zaznaczone pola.
dir-facets = Zawęź wyniki
dir-facet-kind = Rodzaj
dir-facet-nace = Branża
dir-facet-region = Region
dir-facet-country = Kraj
dir-facet-cluster = Klaster
dir-facet-size = Wielkość
dir-pager-label = Strony wyników
dir-first-page = Pierwsza strona
dir-next-page = Następna strona
dir-kind-label = Rodzaj
dir-place = Siedziba
dir-branch = Główna działalność
dir-member-of = Członek klastrów
dir-error-kind = Wybierz rodzaj z listy.
dir-error-nace = „{ $value }” nie jest kodem NACE Rev. 2.
dir-error-region = „{ $value }” nie jest kodem regionu NUTS 2021 ani ISO 3166-2.
dir-error-country = „{ $value }” nie jest kodem kraju ISO 3166-1.
dir-error-cluster = Wybierz klaster z listy.
dir-error-size = Wybierz wielkość z listy.

## Rodzaje organizacji i wielkości

dir-kind-company = Przedsiębiorstwo
dir-kind-cluster_organisation = Organizacja klastrowa
dir-kind-development_agency = Agencja rozwoju
dir-kind-foundation = Fundacja
dir-kind-chamber = Izba gospodarcza
dir-kind-association = Stowarzyszenie
dir-kind-university = Uczelnia
dir-kind-research_institute = Instytut badawczy
dir-kind-public_authority = Organ administracji publicznej
dir-size-micro = Mikroprzedsiębiorstwo (poniżej 10 osób)
dir-size-small = Małe przedsiębiorstwo (poniżej 50 osób)
dir-size-medium = Średnie przedsiębiorstwo (poniżej 250 osób)
dir-size-large = Duże przedsiębiorstwo (250 osób i więcej)

## Profil

dir-back = Powrót do katalogu
dir-other-names = Inne nazwy
dir-about = O organizacji
dir-facts = Dane podstawowe
dir-short-name = Nazwa skrócona
dir-legal-nip = NIP
dir-legal-regon = REGON
dir-legal-krs = Numer KRS
dir-legal-eu_vat = Numer VAT UE
dir-legal-unp = UNP (białoruski numer podatnika)
dir-address = Adres
dir-region-label = Region
dir-country-label = Kraj
dir-founded = Rok założenia
dir-employees = Liczba pracowników
dir-size-label = Wielkość
dir-export-markets = Rynki eksportowe
dir-languages = Języki obsługi
dir-activities = Działalność (NACE Rev. 2)
dir-nace-main = działalność główna
dir-capabilities-heading = Co oferuje organizacja
dir-capabilities = Kompetencje
dir-certifications = Certyfikaty
dir-machines = Park maszynowy
dir-machine-quantity = { $count } szt.
dir-capacity = Moce produkcyjne
dir-keywords = Słowa kluczowe
dir-contact = Kontakt
dir-website = Strona internetowa
dir-email = E-mail
dir-phone = Telefon
dir-clusters = Klastry
dir-member-since = członek od { $date }
dir-role-coordinator = Koordynator
dir-role-founding_member = Członek założyciel
dir-role-member = Członek
dir-related = Powiązane organizacje
dir-relation-partner = Partner
dir-relation-parent = Spółka dominująca
dir-relation-subsidiary = Spółka zależna
dir-agreements = Umowy i listy intencyjne
dir-agreement-cooperation_agreement = Umowa o współpracy
dir-agreement-letter_of_intent = List intencyjny
dir-agreement-memorandum_of_understanding = Memorandum o porozumieniu
dir-agreement-project_partnership = Partnerstwo projektowe
dir-signed = podpisano { $date }
dir-valid-until = obowiązuje do { $date }
dir-cross-border = transgraniczna
dir-parties = Strony
dir-offers = Oferty współpracy
dir-post-offer = Opublikuj ofertę w imieniu tej organizacji

## Klaster

dir-members = Członkowie
dir-member-count = { $count ->
    [one] { $count } obecny członek
    [few] { $count } obecnych członków
    [many] { $count } obecnych członków
   *[other] { $count } obecnych członków
}
dir-members-search = Szukaj wśród członków
dir-col-member = Organizacja
dir-col-role = Rola
dir-col-joined = Członek od
dir-statuses = Statusy
dir-status-key_national_cluster = Krajowy Klaster Kluczowy
dir-status-current = obowiązuje
dir-status-expired = wygasł
dir-status-granted = Przyznany
dir-status-recertified = Ponowna certyfikacja
dir-status-valid-until = Ważny do
dir-status-granted-by = Przyznał
dir-status-note = Uwagi
dir-cluster-profile = Profil klastra
dir-cluster-branches = Branże
dir-cluster-regions = Regiony
dir-history = Historia
dir-event-joined = Przystąpienie do klastra: { $name }.
dir-event-left = Wystąpienie z klastra: { $name }.
dir-event-granted = Przyznano status: { $status }.
dir-event-recertified = Ponownie certyfikowano status: { $status }.
dir-event-expired = Wygasł status: { $status }.

## Zarządzanie klastrem (koordynator lub administrator)
dir-manage = Zarządzaj klastrem: członkowie i statusy
nav-my-cluster = Mój klaster
cm-title = Zarządzanie klastrem
cm-title-of = Zarządzanie: { $name }
cm-back = Wróć do profilu klastra
cm-lead = Zmiany widać od razu w publicznym profilu klastra i w jego historii.
cm-no-members = Klaster nie ma jeszcze członków.
cm-members-hint = Aby odnotować odejście członka, wpisz datę odejścia i zapisz.
cm-left-on = Data odejścia
cm-role-of = Rola: { $name }
cm-left-of = Data odejścia: { $name }
cm-add = Dodaj członka
cm-find = Nazwa organizacji
cm-find-submit = Szukaj
cm-found-none = Brak organizacji o tej nazwie poza klastrem. Firmy dołączają przez ankietę albo dodaje je do katalogu administrator.
cm-add-submit = Dodaj do klastra
cm-no-statuses = Nie odnotowano żadnych statusów.
cm-new-valid-until = Nowa data ważności
cm-recertify = Odnotuj ponowną certyfikację
cm-delete-status = Usuń (wpisany omyłkowo)
cm-add-status = Odnotuj status
cm-add-status-submit = Zapisz status
cm-status-kind = Status
cm-kind-key_national_cluster = Krajowy Klaster Kluczowy
cm-kind-other = Inny status (podaj nazwę niżej)
cm-status-label = Nazwa statusu
cm-status-label-hint = Tylko dla innego statusu, np. certyfikatu regionalnego.
cm-status-granted-by-hint = Organ, który go przyznał, np. Ministerstwo Rozwoju i Technologii.
cm-done-member-added = Dodano członka.
cm-done-member-saved = Zapisano rolę członka.
cm-done-member-ended = Członkostwo zakończono z podaną datą.
cm-done-status-added = Odnotowano status.
cm-done-status-saved = Odnotowano ponowną certyfikację.
cm-done-status-deleted = Usunięto status.
cm-error-joined = Podaj datę przystąpienia organizacji.
cm-error-left = Podaj datę odejścia jako datę albo zostaw pole puste.
cm-error-already-member = Ta organizacja jest już członkiem klastra.
cm-error-status = Nie zapisano statusu: popraw zaznaczone pola.
cm-error-recertify = Podaj datę ponownej certyfikacji (i nową datę ważności jako datę).
cm-branches-hint = Kody PKD/NACE branż klastra, oddzielone przecinkami, np. 25.62, 28.41.
cm-regions-hint = Kody jego regionów (NUTS, dla Białorusi ISO), np. PL84, BY-HR.
cm-requires-review = Oceniaj oferty członków przed publikacją
cm-requires-review-hint = Oferty członków klastra będą wtedy czekać na Twojej liście do oceny.
cm-done-profile-saved = Zapisano profil klastra.
cm-error-profile = Nie zapisano profilu: popraw zaznaczone pola.
