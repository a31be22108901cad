# Strony portalu Klaster: wykresy (SVG) i raport do druku silnika analitycznego, polski.
# Komunikaty to zwykły tekst: silnik je escapuje. Wszystkie argumenty to tekst, liczby już
# zapisane po polsku ($stars to fraza w rodzaju „2 gwiazdki”, zob. an-why-stars).

## Wykresy

anr-bubble-title = Klastry: { $region }, { $year } – specjalizacja i dynamika
anr-bubble-desc = Wykres bąbelkowy: w poziomie iloraz lokalizacji (skala logarytmiczna), w pionie { $axis }; pole bąbla to zatrudnienie, kolor – liczba gwiazdek.
anr-axis-lq = iloraz lokalizacji (skala logarytmiczna)
anr-axis-growth = wzrost zatrudnienia (średnioroczny, CAGR)
anr-axis-lq-change = zmiana ilorazu lokalizacji
anr-bubble-empty = Nie ma czego pokazać: żadna branża nie ma jednocześnie ilorazu lokalizacji i wzrostu (tylko jeden rok w danych?).
anr-bubble-tip = { $name }: LQ { $lq }, { $axis } { $y }, zatrudnienie { $employment }, { $stars }
anr-stars-title = Gwiazdki klastrowe: { $region }, { $year }
anr-stars-desc = Słupki: po jednym odcinku na gwiazdkę (wielkość, specjalizacja, koncentracja), z ilorazem lokalizacji.
anr-stars-empty = Żadna branża nie ma gwiazdki.
anr-bar-lq = LQ { $lq }
anr-network-title = Branże powiązane: { $region }, { $year }
anr-network-desc = Sieć: węzły to branże (wypełnione – obecne w regionie, iloraz lokalizacji nie niższy od progu; puste – powiązane szanse rozwoju), linie – ich bliskość.
anr-network-no-proximity = Nie obliczono bliskości (pominięto analizę powiązań).
anr-network-empty = Brak branż do pokazania.
anr-node-present = { $name }: obecna w regionie, gęstość powiązań { $density }
anr-node-absent = { $name }: nieobecna w regionie, gęstość powiązań { $density }
anr-illustrative = DANE ILUSTRACYJNE – wygenerowane, nie statystyka publiczna

## Raport do druku

anr-heading = Analiza klastrowa: { $region }, { $year }
anr-summary = Źródło: { $source }. Analizowane lata: { $years }. Zatrudnienie w regionie { $region }: { $employment }. Branże obecne w regionie (LQ ≥ { $threshold }): { $diversity }. Indeks złożoności gospodarczej (ECI): { $eci }; indeks perspektyw złożoności (COI): { $coi }.
anr-potential = Potencjalne klastry
anr-potential-intro = Każdy składnik pokazano z jego wartością i – w nawiasie – oceną od 0 do 1: dla gwiazdek to ich liczba podzielona przez trzy, dla złożoności (PCI) – centyl branży wśród wszystkich branż, dla pozostałych składników – centyl regionu wśród wszystkich regionów w tej samej branży. Wynik to średnia ważona ocen składników.
anr-col-code = Kod
anr-col-name = Nazwa
anr-categories-charts = Kategorie klastrowe: gwiazdki i dynamika
anr-industries-charts = Branże: gwiazdki i dynamika
anr-related = Branże powiązane
anr-shift-share = Analiza shift-share, { $from }–{ $to }
anr-shift-share-summary = Zmiana zatrudnienia: { $change }, w tym efekt krajowy { $national }, efekt struktury branżowej { $mix } i efekt konkurencyjny (regionalny) { $regional }.
anr-col-base = Zatrudnienie w roku bazowym
anr-col-change = Zmiana
anr-col-national = Efekt krajowy
anr-col-mix = Efekt struktury branżowej
anr-col-regional = Efekt konkurencyjny
anr-quality = Jakość danych
anr-quality-text = Komórki nieobecne w danych wejściowych (liczone jako 0): { $absent }. Brakujące: { $missing }. Utajnione: { $suppressed } (ich własne wskaźniki pozostają puste, a w sumach liczą się jako 0).
anr-method = Metoda i parametry
anr-method-text = Iloraz lokalizacji LQ = (e_ri / e_r) / (e_i / e), gdzie e to zatrudnienie, r – region, a i – branża; branża jest obecna w regionie przy LQ ≥ { $threshold } (obecnych tutaj: { $present }). Gwiazdki Europejskiego Obserwatorium Klastrów: wielkość i koncentracja dla { $top } najlepszych regionów w branży, specjalizacja przy LQ ≥ { $specialisation }. Złożoność gospodarcza: { $method }; { $standardisation }; bliskość branży do niej samej: { $diagonal }. Wagi wyniku: { $weights }.
anr-method-eigenvector = metoda wektora własnego
anr-method-reflections = metoda odbić, liczba iteracji: { $iterations }
anr-std-long-table = ECI standaryzowany w tabeli długiej (konwencja programu Stata)
anr-std-eci-moments-ddof0 = ECI standaryzowany odchyleniem standardowym populacji (konwencja pakietu ecomplexity dla Pythona)
anr-std-each-ddof0 = ECI i PCI standaryzowane osobno odchyleniem standardowym populacji
anr-std-each-ddof1 = ECI i PCI standaryzowane osobno odchyleniem standardowym z próby
anr-weight-item = { $component } { $weight }

## Ostrzeżenia silnika o jakości danych ($n, $missing itp. to liczby zapisane po polsku;
## $count wybiera formę liczby mnogiej)

anr-warn-year = { $year }: { $warning }
anr-warn-unmatched-member = Kategoria „{ $category }”: jej składnik „{ $member }” nie pasuje do żadnego kodu branży w danych (czy jest bardziej szczegółowy niż poziom danych?).
anr-warn-empty-category = Pominięto kategorię „{ $category }”: żadnego z jej składników nie ma w danych.
anr-warn-regions-without-presence = Regiony bez żadnej branży przy LQ ≥ { $threshold } pominięto w indeksach złożoności (ECI, PCI): { $count ->
    [one] { $n } region
    [few] { $n } regiony
    [many] { $n } regionów
   *[other] { $n } regionu
}.
anr-warn-industries-nowhere = Branże nieobecne w żadnym regionie pominięto w indeksach złożoności (ECI, PCI): { $count ->
    [one] { $n } branża
    [few] { $n } branże
    [many] { $n } branż
   *[other] { $n } branży
}.
anr-warn-too-few-present = Mniej niż dwa regiony lub branże są obecne: brak indeksów złożoności (ECI, PCI).
anr-warn-not-converged = Wektor własny nie osiągnął zbieżności (residuum { $residual }).
anr-warn-disconnected = Sieć regionów i branż jest niespójna (druga wartość własna równa 1): ECI rozdziela jej części.
anr-warn-close-eigenvalues = Druga i trzecia wartość własna są prawie równe ({ $second } i { $third }): ECI i PCI są niestabilne.
anr-warn-industry-overlap = Kody branż się pokrywają ({ $pairs }): agregaty i ich części są liczone podwójnie. Zostaw w danych jeden poziom kodów.
anr-warn-region-overlap = Kody regionów się pokrywają ({ $pairs }): region i jego części są liczone podwójnie. Zostaw w danych jeden poziom regionów.
anr-warn-missing-cells = Brakujące komórki: { $missing }, utajnione: { $suppressed }. Ich własne wskaźniki pozostają puste, a w sumach liczą się jako 0.
anr-overlap-contains = „{ $whole }” zawiera „{ $part }”
anr-overlap-section = sekcja „{ $section }” zawiera „{ $part }”
anr-overlap-total = „{ $code }” wygląda na sumę pozostałych
anr-overlap-more = i jeszcze { $n }

## Uwagi, które silnik dodaje do zbioru danych

anr-note-demo-scope = Polskie regiony NUTS 2 × działy PKD/NACE Rev. 2 (w przetwórstwie przemysłowym grupy), 2017–2023: zatrudnienie (osoby), liczba zakładów, wynagrodzenia (tys. zł rocznie).
anr-note-bdl-unit = Jednostka: { $unit } (eksport z Banku Danych Lokalnych GUS)
