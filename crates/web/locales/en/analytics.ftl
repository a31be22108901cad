# Klaster portal pages: cluster analytics, English.
# Messages are plain text: templates escape them. $region, $dataset, $year, $first, $list,
# $component, $pct, $value, $weight, $regions, $years are text; $count is a number.

an-title = Cluster analytics
an-heading = Cluster analytics
an-lead = Which industries could grow into strong clusters in a region? Choose a data set and a region: the ranking shows each industry's (or cluster category's) potential and what it rests on.
an-form-dataset = Data set
an-form-region = Region
an-form-region-hint = The regions of the chosen data set. After choosing another data set, confirm to see its regions.
an-form-year = Year
an-form-level = Ranked by
an-form-submit = Show the ranking
an-example = Example: Podlaskie (PL84) with the demo data
an-datasets = Data sets
an-datasets-hint = Data sets uploaded through the API stay private to their owner; only public data sets are listed here.
an-dataset-summary = { $regions }, { $years }
an-regions = { $count ->
    [one] { $count } region
   *[other] { $count } regions
}
an-demo-name = Demo: Polish voivodeships (illustrative)
an-unknown-dataset = There is no public data set “{ $dataset }”. Choose one from the list.
an-unknown-region = Region “{ $region }” is not in this data set. Choose one from the list.
an-choose-region = Choose a region from the list.
an-unknown-year = The data set has no year “{ $year }”. Choose one from the list.
an-level-category = Cluster categories
an-level-industry = Industries (NACE)
an-region-heading = Potential clusters: { $region }, { $year }
an-illustrative = Illustrative data: generated figures, not official statistics. Use them to learn the method, not to take decisions.
an-change = Change the data set, region or year
an-intro-category = { $region }, { $year }: cluster categories ranked by their potential ({ $count } in all). Growth and the competitive shift are measured from { $first }.
an-intro-industry = { $region }, { $year }: industries ranked by their potential ({ $count } in all). Growth and the competitive shift are measured from { $first }.
an-download-csv = Download the ranking (CSV)
an-report = Full printable report
an-print-hint = This page prints cleanly: use your browser's Print command for a paper or PDF copy.
an-ranking = Ranking
an-ranking-caption = Score from 0 to 1; next to each value, in brackets, its component score from 0 (weakest of all regions) to 1 (strongest).
an-col-rank = Rank
an-col-name = Name and why
an-col-score = Score
an-col-employment = Employment
an-comp-stars = Stars
an-comp-lq = Specialisation (LQ)
an-comp-size = Size
an-comp-growth = Growth
an-comp-competitive-shift = Competitive shift
an-comp-density = Relatedness
an-comp-complexity = Complexity (PCI)
an-help-stars = The European Cluster Observatory's three stars: size (the region is among the top 10% of regions by its share of the industry's jobs), specialisation (location quotient of at least 2) and focus (the industry's share of the region's jobs puts the region among the top 10% of regions in this industry). Score: stars divided by three.
an-help-lq = Location quotient: the industry's share of the region's jobs divided by its share of all jobs in the data. 1 means as common as everywhere, 2 twice as common.
an-help-size = The region's share of all jobs in this industry across the regions in the data.
an-help-growth = Average yearly change of the industry's jobs in the region since { $first }.
an-help-competitive-shift = Jobs gained or lost since { $first } beyond what the national trend and the industry's own trend explain, as a share of the jobs in { $first } (shift-share analysis). Positive: the region does better than expected.
an-help-density = How many related industries (those often found together with this one) the region already has: skills, suppliers and customers nearby make growth easier.
an-help-complexity = How rare and demanding the know-how is: industries found only in few, diversified regions score high. Its score compares the industry with the other industries, not the region with other regions.
an-weight = weight { $weight }
an-not-computed = not computed
an-show-all = Show all { $count } rows
an-how = How to read the ranking
an-how-score = Each component is scored from 0 to 1 by comparing the region with all other regions in the same industry: 0.9 means ahead of 90% of them. The score is the weighted mean of the component scores (weights below). A high score marks an industry that is already strong, growing or well connected in the region — a candidate for cluster support, to be checked against local knowledge.
an-charts = Charts
an-bubble-alt = Bubble chart: specialisation (location quotient) against growth; bubble area shows employment, colour the number of stars.
an-bubble-caption = Right of the dashed vertical line: more specialised than the whole; above the horizontal line: growing. Bubble area: employment; colour: stars (grey none, yellow one, orange two, red three).
an-stars-alt = Bar chart of the starred industries: one segment per star (size, specialisation, focus), with the location quotient.
an-stars-caption = One segment per star: size, specialisation, focus.
an-notes = Notes of the data set
an-percent = { $value }%
an-star-size = size
an-star-specialisation = specialisation
an-star-focus = focus
an-star-none = no star
an-why-stars = { $count ->
    [one] { $count } star
   *[other] { $count } stars
}
an-why-ahead = { $component } ahead of { $pct } of the other regions
an-why-behind = { $component } behind { $pct } of the other regions
an-why-complex = { $component } above { $pct } of the others ranked
an-why-simple = { $component } below { $pct } of the others ranked
an-why-top = { $component } the best of all regions
an-why-bottom = { $component } the lowest of all regions
an-why-most-complex = { $component } the highest of all ranked
an-why-least-complex = { $component } the lowest of all ranked
an-why-strong = Strengths: { $list }.
an-why-weak = Weaknesses: { $list }.
an-why-average = No component stands out: close to the middle on each.
an-why-missing = Not computed: { $list }.

## The shipped cluster categories (the demo)

an-cat-dairy = Dairy products
an-cat-food = Food and beverages
an-cat-meat = Meat processing
an-cat-agri-machinery = Agricultural and forestry machinery
an-cat-metal-processing = Basic metals and metal products
an-cat-machinery = Machinery and equipment
an-cat-automotive = Motor vehicles and parts
an-cat-wood-furniture = Wood and furniture
an-cat-construction = Construction
an-cat-it = IT and information services
an-cat-logistics = Transport and logistics
an-cat-tourism = Accommodation and food services
an-cat-energy = Energy
an-cat-chemicals-plastics = Chemicals and plastics
