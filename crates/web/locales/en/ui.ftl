# Klaster web pages, English (also the fallback for a message another catalogue lacks).
# Messages are plain text: the templates escape them. Arguments: $site, $language, $original,
# $value are text; $count, $from, $to, $total are numbers.

## Layout

skip-to-content = Skip to main content
nav-label = Main navigation
nav-home = Home
nav-offers = Offers
nav-directory = Directory
nav-analytics = Analytics
language-label = Language
footer-about = { $site } is open-source software for industrial clusters: a directory of firms, a multilingual portal of cooperation offers and cluster analytics.
footer-feed = New offers (Atom feed)
footer-api = JSON API (OpenAPI)

## Home

home-title = Cooperation portal of industrial clusters
home-heading = Cooperation between the firms of industrial clusters
home-intro = Firms, cluster organisations, universities and development agencies post cooperation offers here: orders to hand over, free production capacity, business and technology offers, partners for projects and shared trade-fair stands. Every offer is translated into the portal's eleven working languages, and its details are shown in yours.
home-search-label = Search the offers
home-latest = Latest offers
home-latest-empty = No offers have been published yet.
home-all-offers = All offers, newest first
home-clusters = Clusters
home-clusters-empty = There are no clusters in the directory yet.
home-cluster-members = { $count ->
    [one] { $count } member organisation
   *[other] { $count } member organisations
}
home-links = Find your way
home-link-kinds = Offers by kind
home-link-api = API documentation (OpenAPI)

## Offers in lists

original-language = original language: { $language }
partial-translation = partial translation; original language: { $language }
offer-kind = Kind
offer-country = Country
offer-deadline = Deadline

## Search

search-title = Search offers
search-heading = Search cooperation offers
search-q = Words
search-q-hint = In any language: every translation of an offer is searched.
search-kind = Kind of offer
search-kind-any = Any kind
search-nace = Sector (NACE code)
search-nace-hint = For example 25 or 25.62; several codes separated by commas.
search-region = Region or country
search-region-hint = A NUTS or ISO code, for example PL84, PL841 or BY.
search-sort = Order
sort-relevance = Best match first
sort-newest = Newest first
sort-deadline = Nearest deadline first
search-submit = Search
search-results = Results
search-total = { $count ->
    [one] { $count } offer found
   *[other] { $count } offers found
}
search-range = Offers { $from }–{ $to } of { $total }
search-none = No offer matches. Try fewer words or remove a filter.
search-unavailable = Search is not available at the moment. Please try again later.
search-form-invalid = Please correct the marked fields.
search-facets = Narrow down
facet-kind = Kind
facet-country = Country
facet-language = Original language
pagination-label = Result pages
pagination-prev = Previous page
pagination-next = Next page
error-kind = Choose a kind from the list.
error-nace = “{ $value }” is not a NACE Rev. 2 code.
error-region = “{ $value }” is not a NUTS 2021 region, an ISO 3166-2 region or a country code.
error-sort = Choose an order from the list.

## One offer

offer-title = Offer
offer-back = Back to the search
offer-by = Posted by
offer-published = Published
offer-description = Description
offer-details = Details
offer-attachments = Attachments
offer-other-languages = Read in another language
offer-mark-machine = Machine translation: it may contain mistakes.
offer-mark-partial = Partial translation: some parts are still in the original language ({ $original }).
offer-mark-untranslated = Not yet translated into { $language }: shown in the original language ({ $original }).
offer-mark-human = Translated by a person.
offer-mark-reviewed = Translation reviewed by a person.
offer-show-original = Show the original ({ $language })
offer-show-in = Show the version in { $language }

## Errors

error-404-title = Page not found
error-404-text = This page does not exist, or the offer is not public.
error-500-title = Something went wrong
error-500-text = The server could not answer this time. Please try again in a moment.
error-403-title = Not allowed
error-403-text = Your account may not see or change this.
error-400-title = The form could not be read
error-400-text = What was sent does not look like one of our forms. Go back, reload the page and try again.
error-expired-title = The form has expired
error-expired-text = For your safety, forms work only in the window where they were opened, for as long as you stay signed in. Go back, reload the page and send it again.
error-413-title = Too large
error-413-text = What you sent is larger than the portal accepts.
error-home-link = Go to the home page
