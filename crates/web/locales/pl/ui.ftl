# Strony portalu Klaster, polski.
# Komunikaty to zwykły tekst: szablony je escapują. Argumenty: $site, $language, $original,
# $value to tekst; $count, $from, $to, $total to liczby. Nazwy języków przychodzą z CLDR
# w mianowniku małą literą („niemiecki”), stąd konstrukcje z dwukropkiem.

## Układ strony

skip-to-content = Przejdź do treści
nav-label = Nawigacja główna
nav-home = Strona główna
nav-offers = Oferty
nav-directory = Katalog
nav-analytics = Analizy
language-label = Język
footer-about = { $site } to otwarte oprogramowanie dla klastrów przemysłowych: katalog firm, wielojęzyczny portal ofert współpracy i analityka klastrów.
footer-feed = Nowe oferty (kanał Atom)
footer-api = API JSON (OpenAPI)

## Strona główna

home-title = Portal współpracy klastrów przemysłowych
home-heading = Współpraca firm w klastrach przemysłowych
home-intro = Firmy, organizacje klastrowe, uczelnie i agencje rozwoju publikują tu oferty współpracy: zlecenia do przekazania, wolne moce produkcyjne, oferty handlowe i technologiczne, partnerów do projektów i wspólne stoiska targowe. Każda oferta jest tłumaczona na jedenaście języków roboczych portalu, a jej szczegóły widzisz w swoim języku.
home-search-label = Szukaj w ofertach
home-latest = Najnowsze oferty
home-latest-empty = Nie opublikowano jeszcze żadnej oferty.
home-all-offers = Wszystkie oferty, od najnowszych
home-clusters = Klastry
home-clusters-empty = W katalogu nie ma jeszcze klastrów.
home-cluster-members = { $count ->
    [one] { $count } organizacja członkowska
    [few] { $count } organizacje członkowskie
    [many] { $count } organizacji członkowskich
   *[other] { $count } organizacji członkowskiej
}
home-links = Na skróty
home-link-kinds = Oferty według rodzaju
home-link-api = Dokumentacja API (OpenAPI)

## Oferty na listach

original-language = język oryginału: { $language }
partial-translation = tłumaczenie częściowe; język oryginału: { $language }
offer-kind = Rodzaj
offer-country = Kraj
offer-deadline = Termin

## Wyszukiwanie

search-title = Szukaj ofert
search-heading = Szukaj ofert współpracy
search-q = Słowa
search-q-hint = W dowolnym języku: przeszukiwane są wszystkie tłumaczenia oferty.
search-kind = Rodzaj oferty
search-kind-any = Dowolny rodzaj
search-nace = Branża (kod PKD/NACE)
search-nace-hint = Na przykład 25 albo 25.62; kilka kodów rozdziel przecinkami.
search-region = Region lub kraj
search-region-hint = Kod NUTS lub ISO, na przykład PL84, PL841 albo BY.
search-sort = Kolejność
sort-relevance = Najtrafniejsze
sort-newest = Najnowsze
sort-deadline = Najbliższy termin
search-submit = Szukaj
search-results = Wyniki
search-total = { $count ->
    [one] Znaleziono { $count } ofertę
    [few] Znaleziono { $count } oferty
    [many] Znaleziono { $count } ofert
   *[other] Znaleziono { $count } oferty
}
search-range = Oferty { $from }–{ $to } z { $total }
search-none = Żadna oferta nie pasuje. Spróbuj mniej słów albo usuń filtr.
search-unavailable = Wyszukiwanie jest chwilowo niedostępne. Spróbuj ponownie później.
search-form-invalid = Popraw zaznaczone pola.
search-facets = Zawęź wyniki
facet-kind = Rodzaj
facet-country = Kraj
facet-language = Język oryginału
pagination-label = Strony wyników
pagination-prev = Poprzednia strona
pagination-next = Następna strona
error-kind = Wybierz rodzaj z listy.
error-nace = „{ $value }” nie jest kodem NACE Rev. 2.
error-region = „{ $value }” nie jest kodem regionu NUTS 2021, regionu ISO 3166-2 ani kraju.
error-sort = Wybierz kolejność z listy.

## Jedna oferta

offer-title = Oferta
offer-back = Wróć do wyszukiwania
offer-by = Publikuje
offer-published = Opublikowano
offer-description = Opis
offer-details = Szczegóły
offer-attachments = Załączniki
offer-other-languages = Czytaj w innym języku
offer-mark-machine = Tłumaczenie maszynowe: może zawierać błędy.
offer-mark-partial = Tłumaczenie częściowe: niektóre fragmenty są jeszcze w języku oryginału (język: { $original }).
offer-mark-untranslated = Brak jeszcze tłumaczenia na język: { $language }. Pokazano oryginał (język: { $original }).
offer-mark-human = Przetłumaczone przez człowieka.
offer-mark-reviewed = Tłumaczenie sprawdzone przez człowieka.
offer-show-original = Pokaż oryginał (język: { $language })
offer-show-in = Pokaż wersję w języku: { $language }

## Błędy

error-404-title = Nie znaleziono strony
error-404-text = Ta strona nie istnieje albo oferta nie jest publiczna.
error-500-title = Coś poszło nie tak
error-500-text = Serwer nie mógł teraz odpowiedzieć. Spróbuj ponownie za chwilę.
error-403-title = Brak dostępu
error-403-text = Twoje konto nie może oglądać ani zmieniać tej treści.
error-400-title = Nie udało się odczytać formularza
error-400-text = Przesłane dane nie wyglądają na żaden z naszych formularzy. Wróć, odśwież stronę i spróbuj ponownie.
error-expired-title = Formularz wygasł
error-expired-text = Dla bezpieczeństwa formularz działa tylko w oknie, w którym go otwarto, i tylko dopóki jesteś zalogowany. Wróć, odśwież stronę i wyślij go ponownie.
error-413-title = Za duży plik lub formularz
error-413-text = Przesłane dane są większe, niż portal przyjmuje.
error-home-link = Przejdź na stronę główną
