# Klaster portal: the analytics engine's charts (SVG) and printable report, English.
# Messages are plain text: the engine escapes them. Every argument is text, numbers already
# written for the language ($stars is a phrase such as "2 stars", see an-why-stars).

## Charts

anr-bubble-title = Clusters of { $region }, { $year }: specialisation and dynamics
anr-bubble-desc = Bubble chart: location quotient (log scale) across, { $axis } up; bubble area shows employment, colour the number of stars.
anr-axis-lq = location quotient (log scale)
anr-axis-growth = employment growth (yearly average, CAGR)
anr-axis-lq-change = change of the location quotient
anr-bubble-empty = Nothing to show: no industry has both a location quotient and growth (only one year in the data?).
anr-bubble-tip = { $name }: LQ { $lq }, { $axis } { $y }, employment { $employment }, { $stars }
anr-stars-title = Cluster stars of { $region }, { $year }
anr-stars-desc = Bars: one segment per star (size, specialisation, focus), with the location quotient.
anr-stars-empty = No industry has a star.
anr-bar-lq = LQ { $lq }
anr-network-title = Related industries of { $region }, { $year }
anr-network-desc = Network: the nodes are industries (filled: present in the region, location quotient at or above the threshold; open: related opportunities), the lines their proximity.
anr-network-no-proximity = No proximity computed (relatedness was skipped).
anr-network-empty = No industries to show.
anr-node-present = { $name }: present in the region, density { $density }
anr-node-absent = { $name }: absent from the region, density { $density }
anr-illustrative = ILLUSTRATIVE DATA – generated, not official statistics

## The printable report

anr-heading = Cluster analysis: { $region }, { $year }
anr-summary = Source: { $source }. Years analysed: { $years }. Employment in { $region }: { $employment }. Industries present in the region (LQ ≥ { $threshold }): { $diversity }. Economic complexity index (ECI): { $eci }; complexity outlook index (COI): { $coi }.
anr-potential = Potential clusters
anr-potential-intro = Each component is shown with its value and, in brackets, its score from 0 to 1: for the stars their number divided by three, for complexity (PCI) the industry's percentile among all industries, for every other component the region's percentile among all regions in the same industry. The score is the weighted mean of the component scores.
anr-col-code = Code
anr-col-name = Name
anr-categories-charts = Cluster categories: stars and dynamics
anr-industries-charts = Industries: stars and dynamics
anr-related = Related industries
anr-shift-share = Shift-share analysis, { $from }–{ $to }
anr-shift-share-summary = Change of employment: { $change }, of which national trend { $national }, industry mix { $mix } and competitive (regional) shift { $regional }.
anr-col-base = Employment in the base year
anr-col-change = Change
anr-col-national = National trend
anr-col-mix = Industry mix
anr-col-regional = Competitive shift
anr-quality = Data quality
anr-quality-text = Cells absent from the input (counted as 0): { $absent }. Missing: { $missing }. Suppressed: { $suppressed } (their own indicators are left empty; totals count them as 0).
anr-method = Method and parameters
anr-method-text = Location quotient LQ = (e_ri / e_r) / (e_i / e), where e is employment, r the region and i the industry; an industry is present in a region at LQ ≥ { $threshold } (present here: { $present }). Stars of the European Cluster Observatory: size and focus for the top { $top } of regions in the industry, specialisation at LQ ≥ { $specialisation }. Economic complexity: { $method }; { $standardisation }; proximity of an industry to itself: { $diagonal }. Weights of the score: { $weights }.
anr-method-eigenvector = eigenvector method
anr-method-reflections = method of reflections, iterations: { $iterations }
anr-std-long-table = ECI standardised over the long table (the Stata convention)
anr-std-eci-moments-ddof0 = ECI standardised with the population standard deviation (the convention of the Python ecomplexity package)
anr-std-each-ddof0 = ECI and PCI each standardised with the population standard deviation
anr-std-each-ddof1 = ECI and PCI each standardised with the sample standard deviation
anr-weight-item = { $component } { $weight }

## Data-quality warnings of the engine ($n, $missing and the like are numbers written for the
## language; $count chooses the plural form)

anr-warn-year = { $year }: { $warning }
anr-warn-unmatched-member = Category “{ $category }”: its member “{ $member }” matches no industry code in the data (is it finer than the data's level?).
anr-warn-empty-category = Category “{ $category }” is left out: none of its members is in the data.
anr-warn-regions-without-presence = { $count ->
    [one] { $n } region has
   *[other] { $n } regions have
} no industry at LQ ≥ { $threshold } and { $count ->
    [one] is
   *[other] are
} left out of the complexity indices (ECI, PCI).
anr-warn-industries-nowhere = { $count ->
    [one] { $n } industry is present in no region and is
   *[other] { $n } industries are present in no region and are
} left out of the complexity indices (ECI, PCI).
anr-warn-too-few-present = Fewer than two regions or industries are present: no complexity indices (ECI, PCI).
anr-warn-not-converged = The eigenvector did not converge (residual { $residual }).
anr-warn-disconnected = The network of regions and industries is disconnected (second eigenvalue 1): the ECI separates its parts.
anr-warn-close-eigenvalues = The second and third eigenvalues are nearly equal ({ $second } and { $third }): ECI and PCI are unstable.
anr-warn-industry-overlap = Industry codes overlap ({ $pairs }): aggregates and their parts are counted twice. Keep one level of codes in the data.
anr-warn-region-overlap = Region codes overlap ({ $pairs }): a region and its parts are counted twice. Keep one level of regions in the data.
anr-warn-missing-cells = Missing cells: { $missing }, suppressed: { $suppressed }. Their own indicators are left empty; totals count them as 0.
anr-overlap-contains = “{ $whole }” contains “{ $part }”
anr-overlap-section = section “{ $section }” contains “{ $part }”
anr-overlap-total = “{ $code }” looks like the total of the others
anr-overlap-more = { $n } more

## Notes the engine adds to a data set

anr-note-demo-scope = Polish NUTS 2 regions × NACE Rev. 2 divisions (groups within manufacturing), 2017–2023: employment (persons), establishments, wages (PLN thousand a year).
anr-note-bdl-unit = Unit: { $unit } (Statistics Poland BDL export)
