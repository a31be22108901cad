# Strony portalu Klaster: analityka klastrowa, polski.
# Komunikaty to zwykły tekst: szablony je escapują. $region, $dataset, $year, $first, $list,
# $component, $pct, $value, $weight, $regions, $years to tekst; $count to liczba.

an-title = Analityka klastrowa
an-heading = Analityka klastrowa
an-lead = Które branże mogą wyrosnąć w regionie na silne klastry? Wybierz zbiór danych i region: ranking pokazuje potencjał każdej branży (lub kategorii klastrowej) i to, na czym się opiera.
an-form-dataset = Zbiór danych
an-form-region = Region
an-form-region-hint = Regiony wybranego zbioru danych. Po zmianie zbioru zatwierdź wybór, by zobaczyć jego regiony.
an-form-year = Rok
an-form-level = Ranking według
an-form-submit = Pokaż ranking
an-example = Przykład: województwo podlaskie (PL84) na danych demonstracyjnych
an-datasets = Zbiory danych
an-datasets-hint = Zbiory przesłane przez API są widoczne tylko dla właściciela; tu wymieniamy wyłącznie zbiory publiczne.
an-dataset-summary = { $regions }, { $years }
an-regions = { $count ->
    [one] { $count } region
    [few] { $count } regiony
    [many] { $count } regionów
   *[other] { $count } regionu
}
an-demo-name = Demo: województwa Polski (dane ilustracyjne)
an-unknown-dataset = Nie ma publicznego zbioru danych „{ $dataset }”. Wybierz zbiór z listy.
an-unknown-region = Regionu „{ $region }” nie ma w tym zbiorze danych. Wybierz region z listy.
an-choose-region = Wybierz region z listy.
an-unknown-year = W zbiorze danych nie ma roku „{ $year }”. Wybierz rok z listy.
an-level-category = Kategorie klastrowe
an-level-industry = Branże (PKD/NACE)
an-region-heading = Potencjalne klastry: { $region }, { $year }
an-illustrative = Dane ilustracyjne: liczby wygenerowane, nie statystyka publiczna. Służą do poznania metody, nie do podejmowania decyzji.
an-change = Zmień zbiór danych, region lub rok
an-intro-category = { $region }, rok { $year }: kategorie klastrowe uszeregowane według potencjału (razem: { $count }). Wzrost i efekt konkurencyjny liczone są od roku { $first }.
an-intro-industry = { $region }, rok { $year }: branże uszeregowane według potencjału (razem: { $count }). Wzrost i efekt konkurencyjny liczone są od roku { $first }.
an-download-csv = Pobierz ranking (CSV)
an-report = Pełny raport do druku
an-print-hint = Tę stronę można wydrukować bez poprawek: użyj polecenia „Drukuj” przeglądarki, by uzyskać wydruk lub PDF.
an-ranking = Ranking
an-ranking-caption = Wynik od 0 do 1; przy każdej wartości w nawiasie ocena składnika od 0 (najsłabiej ze wszystkich regionów) do 1 (najmocniej).
an-col-rank = Miejsce
an-col-name = Nazwa i uzasadnienie
an-col-score = Wynik
an-col-employment = Zatrudnienie
an-comp-stars = Gwiazdki
an-comp-lq = Specjalizacja (LQ)
an-comp-size = Wielkość
an-comp-growth = Wzrost
an-comp-competitive-shift = Efekt konkurencyjny
an-comp-density = Powiązania
an-comp-complexity = Złożoność (PCI)
an-help-stars = Trzy gwiazdki Europejskiego Obserwatorium Klastrów: wielkość (region należy do 10% regionów o największym udziale w zatrudnieniu branży), specjalizacja (iloraz lokalizacji co najmniej 2) i koncentracja (udział branży w zatrudnieniu regionu stawia region wśród 10% regionów o najwyższym takim udziale w tej branży). Ocena: liczba gwiazdek podzielona przez trzy.
an-help-lq = Iloraz lokalizacji: udział branży w zatrudnieniu regionu podzielony przez jej udział w zatrudnieniu wszystkich regionów zbioru. 1 oznacza tyle samo co przeciętnie, 2 – dwa razy więcej.
an-help-size = Udział regionu w całym zatrudnieniu tej branży we wszystkich regionach zbioru.
an-help-growth = Średnia roczna zmiana zatrudnienia w branży w regionie od roku { $first }.
an-help-competitive-shift = Miejsca pracy zyskane lub utracone od roku { $first } ponad to, co wyjaśniają trend krajowy i trend samej branży, jako udział zatrudnienia z roku { $first } (analiza shift-share). Wartość dodatnia: region radzi sobie lepiej, niż można było oczekiwać.
an-help-density = Ile branż pokrewnych (często występujących razem z tą) region już ma: umiejętności, dostawcy i odbiorcy na miejscu ułatwiają rozwój.
an-help-complexity = Jak rzadka i wymagająca jest wiedza branży: wysoko ocenia się branże obecne tylko w nielicznych, zróżnicowanych regionach. Ta ocena porównuje branżę z innymi branżami, a nie region z innymi regionami.
an-weight = waga { $weight }
an-not-computed = nie obliczono
an-show-all = { $count ->
    [one] Pokaż { $count } wiersz
    [few] Pokaż wszystkie { $count } wiersze
    [many] Pokaż wszystkie { $count } wierszy
   *[other] Pokaż wszystkie { $count } wiersza
}
an-how = Jak czytać ranking
an-how-score = Każdy składnik oceniany jest od 0 do 1 przez porównanie regionu ze wszystkimi innymi regionami w tej samej branży: 0,9 oznacza wyprzedzenie 90% z nich. Wynik to średnia ważona ocen składników (wagi poniżej). Wysoki wynik wskazuje branżę, która w regionie jest już silna, rośnie lub ma dobre powiązania – kandydatkę do wsparcia klastrowego, którą warto skonfrontować z wiedzą o regionie.
an-charts = Wykresy
an-bubble-alt = Wykres bąbelkowy: specjalizacja (iloraz lokalizacji) względem wzrostu; pole bąbla to zatrudnienie, kolor to liczba gwiazdek.
an-bubble-caption = Na prawo od pionowej linii przerywanej: większa specjalizacja niż przeciętnie; nad poziomą: wzrost. Pole bąbla: zatrudnienie; kolor: gwiazdki (szary – brak, żółty – jedna, pomarańczowy – dwie, czerwony – trzy).
an-stars-alt = Wykres słupkowy branż z gwiazdkami: po jednym odcinku na gwiazdkę (wielkość, specjalizacja, koncentracja), z ilorazem lokalizacji.
an-stars-caption = Jeden odcinek na gwiazdkę: wielkość, specjalizacja, koncentracja.
an-notes = Uwagi do zbioru danych
an-percent = { $value }%
an-star-size = wielkość
an-star-specialisation = specjalizacja
an-star-focus = koncentracja
an-star-none = bez gwiazdki
an-why-stars = { $count ->
    [one] { $count } gwiazdka
    [few] { $count } gwiazdki
    [many] { $count } gwiazdek
   *[other] { $count } gwiazdki
}
an-why-ahead = { $component }: lepiej niż { $pct } pozostałych regionów
an-why-behind = { $component }: gorzej niż { $pct } pozostałych regionów
an-why-complex = { $component }: wyżej niż { $pct } pozostałych pozycji rankingu
an-why-simple = { $component }: niżej niż { $pct } pozostałych pozycji rankingu
an-why-top = { $component }: najlepiej ze wszystkich regionów
an-why-bottom = { $component }: najsłabiej ze wszystkich regionów
an-why-most-complex = { $component }: najwyżej ze wszystkich pozycji rankingu
an-why-least-complex = { $component }: najniżej ze wszystkich pozycji rankingu
an-why-strong = Mocne strony – { $list }.
an-why-weak = Słabe strony – { $list }.
an-why-average = Żaden składnik się nie wyróżnia: wszystkie blisko środka stawki.
an-why-missing = Nie obliczono: { $list }.

## Kategorie klastrowe dostarczane z programem (demo)

an-cat-dairy = Przetwórstwo mleka
an-cat-food = Żywność i napoje
an-cat-meat = Przetwórstwo mięsa
an-cat-agri-machinery = Maszyny rolnicze i leśne
an-cat-metal-processing = Metale i wyroby z metali
an-cat-machinery = Maszyny i urządzenia
an-cat-automotive = Pojazdy samochodowe i części
an-cat-wood-furniture = Drewno i meble
an-cat-construction = Budownictwo
an-cat-it = IT i usługi informacyjne
an-cat-logistics = Transport i logistyka
an-cat-tourism = Zakwaterowanie i gastronomia
an-cat-energy = Energetyka
an-cat-chemicals-plastics = Chemia i tworzywa sztuczne
