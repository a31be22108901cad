# The directory pages, English. Arguments: $value, $name, $status, $date are text; $count is a number.

## Search

dir-title = Directory
dir-heading = Directory of firms, clusters and institutions
dir-intro = Firms, cluster organisations, universities, research institutes, development agencies and chambers. Search by name, or narrow the list down by kind, sector, region, cluster or size.
dir-q = Name
dir-q-hint = Part of the name; letter case and accents do not matter.
dir-kind = Kind of organisation
dir-kind-any = Any kind
dir-nace = Sector (NACE code)
dir-nace-hint = For example C, 25 or 25.62.
dir-region = Region
dir-region-hint = A NUTS or ISO 3166-2 code, for example PL84, PL841 or BY-HR.
dir-country = Country
dir-country-hint = A two-letter code, for example PL, LT or BY.
dir-cluster = Cluster
dir-cluster-any = Any cluster
dir-size = Size of the enterprise
dir-size-any = Any size
dir-submit = Search
dir-reset = Clear all filters
dir-results = Organisations
dir-total = { $count ->
    [one] { $count } organisation found
   *[other] { $count } organisations found
}
dir-none = No organisation matches. Try a shorter name or remove a filter.
dir-form-invalid = Please correct the marked fields.
dir-facets = Narrow down
dir-facet-kind = Kind
dir-facet-nace = Sector
dir-facet-region = Region
dir-facet-country = Country
dir-facet-cluster = Cluster
dir-facet-size = Size
dir-pager-label = Result pages
dir-first-page = First page
dir-next-page = Next page
dir-kind-label = Kind
dir-place = Location
dir-branch = Main activity
dir-member-of = Member of
dir-error-kind = Choose a kind from the list.
dir-error-nace = “{ $value }” is not a NACE Rev. 2 code.
dir-error-region = “{ $value }” is not a NUTS 2021 or ISO 3166-2 region code.
dir-error-country = “{ $value }” is not an ISO 3166-1 country code.
dir-error-cluster = Choose a cluster from the list.
dir-error-size = Choose a size from the list.

## Kinds of organisation and sizes

dir-kind-company = Company
dir-kind-cluster_organisation = Cluster organisation
dir-kind-development_agency = Development agency
dir-kind-foundation = Foundation
dir-kind-chamber = Chamber of commerce
dir-kind-association = Association
dir-kind-university = University
dir-kind-research_institute = Research institute
dir-kind-public_authority = Public authority
dir-size-micro = Micro (fewer than 10 people)
dir-size-small = Small (fewer than 50 people)
dir-size-medium = Medium-sized (fewer than 250 people)
dir-size-large = Large (250 people or more)

## Profile

dir-back = Back to the directory
dir-other-names = Also known as
dir-about = About
dir-facts = Facts
dir-short-name = Short name
dir-legal-nip = NIP (tax number)
dir-legal-regon = REGON
dir-legal-krs = KRS number
dir-legal-eu_vat = EU VAT number
dir-legal-unp = UNP (taxpayer number)
dir-address = Address
dir-region-label = Region
dir-country-label = Country
dir-founded = Founded
dir-employees = Employees
dir-size-label = Size
dir-export-markets = Export markets
dir-languages = Languages spoken
dir-activities = Activities (NACE Rev. 2)
dir-nace-main = main activity
dir-capabilities-heading = What the organisation offers
dir-capabilities = Capabilities
dir-certifications = Certifications
dir-machines = Machine park
dir-machine-quantity = { $count } pcs
dir-capacity = Production capacity
dir-keywords = Keywords
dir-contact = Contact
dir-website = Website
dir-email = E-mail
dir-phone = Phone
dir-clusters = Clusters
dir-member-since = member since { $date }
dir-role-coordinator = Coordinator
dir-role-founding_member = Founding member
dir-role-member = Member
dir-related = Related organisations
dir-relation-partner = Partner
dir-relation-parent = Parent organisation
dir-relation-subsidiary = Subsidiary
dir-agreements = Agreements and letters of intent
dir-agreement-cooperation_agreement = Cooperation agreement
dir-agreement-letter_of_intent = Letter of intent
dir-agreement-memorandum_of_understanding = Memorandum of understanding
dir-agreement-project_partnership = Project partnership
dir-signed = signed { $date }
dir-valid-until = valid until { $date }
dir-cross-border = cross-border
dir-parties = With
dir-offers = Cooperation offers
dir-post-offer = Post an offer for this organisation

## Cluster

dir-members = Members
dir-member-count = { $count ->
    [one] { $count } current member
   *[other] { $count } current members
}
dir-members-search = Search among the members
dir-col-member = Organisation
dir-col-role = Role
dir-col-joined = Member since
dir-statuses = Statuses
dir-status-key_national_cluster = Key National Cluster
dir-status-current = in force
dir-status-expired = expired
dir-status-granted = Granted
dir-status-recertified = Recertified
dir-status-valid-until = Valid until
dir-status-granted-by = Granted by
dir-status-note = Note
dir-cluster-profile = Profile of the cluster
dir-cluster-branches = Sectors
dir-cluster-regions = Regions
dir-history = History
dir-event-joined = { $name } joined the cluster.
dir-event-left = { $name } left the cluster.
dir-event-granted = Status granted: { $status }.
dir-event-recertified = Status recertified: { $status }.
dir-event-expired = Status expired: { $status }.

## Managing a cluster (its coordinator or an administrator)
dir-manage = Manage this cluster: members and statuses
nav-my-cluster = My cluster
cm-title = Manage the cluster
cm-title-of = Manage { $name }
cm-back = Back to the cluster's profile
cm-lead = Changes show at once on the cluster's public profile and in its history.
cm-no-members = The cluster has no members yet.
cm-members-hint = To record that a member left, enter the date of leaving and save.
cm-left-on = Left on
cm-role-of = Role of { $name }
cm-left-of = Date { $name } left
cm-add = Add a member
cm-find = Organisation's name
cm-find-submit = Find
cm-found-none = No organisation of that name outside the cluster. Firms join through the questionnaire, or an administrator adds them to the directory.
cm-add-submit = Add to the cluster
cm-no-statuses = No statuses are recorded.
cm-new-valid-until = New end of validity
cm-recertify = Record recertification
cm-delete-status = Delete (recorded by mistake)
cm-add-status = Record a status
cm-add-status-submit = Record the status
cm-status-kind = Status
cm-kind-key_national_cluster = Key National Cluster
cm-kind-other = Other status (name it below)
cm-status-label = Name of the status
cm-status-label-hint = Only for another status, e.g. a regional certificate.
cm-status-granted-by-hint = The authority that granted it, e.g. the Ministry of Development and Technology.
cm-done-member-added = The member was added.
cm-done-member-saved = The member's role was saved.
cm-done-member-ended = The membership was ended on the date given.
cm-done-status-added = The status was recorded.
cm-done-status-saved = The recertification was recorded.
cm-done-status-deleted = The status was deleted.
cm-error-joined = Enter the date the organisation joined.
cm-error-left = Enter the date of leaving as a date, or leave it empty.
cm-error-already-member = This organisation is already a member of the cluster.
cm-error-status = The status was not recorded: check the marked fields.
cm-error-recertify = Enter the date of recertification (and the new end of validity as a date).
cm-branches-hint = NACE codes of the cluster's branches, separated by commas, e.g. 25.62, 28.41.
cm-regions-hint = Codes of its regions (NUTS, or ISO for Belarus), e.g. PL84, BY-HR.
cm-requires-review = Review members' offers before they are published
cm-requires-review-hint = Offers of the cluster's members then wait on your review list.
cm-done-profile-saved = The cluster's profile was saved.
cm-error-profile = The profile was not saved: check the marked fields.
