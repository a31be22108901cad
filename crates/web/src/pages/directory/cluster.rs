//! The cluster part of a cluster organisation's profile: current members, national statuses,
//! the cluster's sectors and regions, and its history (members joining and leaving, statuses
//! granted, recertified and ended) in date order.

use chrono::NaiveDate;
use klaster_domain::{ClusterStatus, ClusterStatusKind};
use klaster_store::organisations::{self as orgs, OrgRecord};

use super::profile::display_name;
use super::{Link, nace_label, org_href};
use crate::AppState;
use crate::api::clusters::{StatusOut, cluster_out};
use crate::api::enum_str;
use crate::pages::errors::PageError;
use crate::pages::i18n::Tr;
use crate::pages::lang::{Ui, href};
use crate::pages::summary::region_name;
use klaster_translate::Lang;

pub struct MemberItem {
    pub org: Link,
    pub role: String,
    pub joined: String,
}

pub struct StatusItem {
    pub id: i64,
    pub name: String,
    pub granted: String,
    pub recertified: Option<String>,
    pub valid_until: Option<String>,
    pub granted_by: Option<String>,
    pub note: Option<String>,
    /// "in force" or "expired".
    pub state: String,
    pub current: bool,
}

pub struct Event {
    pub date: String,
    pub text: String,
}

pub struct ClusterView {
    pub member_count: String,
    pub members: Vec<MemberItem>,
    pub statuses: Vec<StatusItem>,
    pub branches: Vec<Link>,
    pub regions: Vec<String>,
    pub history: Vec<Event>,
    /// The directory filtered by this cluster's members.
    pub members_href: String,
}

fn status_name(tr: &Tr, s: &ClusterStatus) -> String {
    match (s.kind, &s.label) {
        (ClusterStatusKind::Other, Some(l)) => l.clone(),
        (kind, _) => tr.t(&format!("dir-status-{}", enum_str(kind))),
    }
}

/// A status as the profile and the management page show it.
pub(super) fn status_item(tr: &Tr, lang: Lang, s: &StatusOut) -> StatusItem {
    let st = &s.status;
    let date = |d: NaiveDate| klaster_translate::render::date(d, lang);
    StatusItem {
        id: s.id,
        name: status_name(tr, st),
        granted: date(st.granted_on),
        recertified: st.recertified_on.map(date),
        valid_until: st.valid_until.map(date),
        granted_by: st.granted_by.clone(),
        note: st.note.clone(),
        state: tr.t(if s.current {
            "dir-status-current"
        } else {
            "dir-status-expired"
        }),
        current: s.current,
    }
}

pub async fn view(
    state: &AppState,
    ui: &Ui,
    tr: &Tr,
    rec: OrgRecord,
) -> Result<ClusterView, PageError> {
    let lang = ui.lang;
    let id = rec.id;
    let c = cluster_out(state, rec, true).await?;
    let all = c.members.unwrap_or_default();
    let ids: Vec<i64> = all.iter().map(|m| m.organisation_id).collect();
    let recs = orgs::get_many(state.db(), &ids).await?;
    let date = |d: NaiveDate| klaster_translate::render::date(d, lang);
    let name_of = |id: i64, fallback: &str| {
        display_name(&recs, id, lang).unwrap_or_else(|| fallback.to_string())
    };
    let today = chrono::Utc::now().date_naive();

    let mut events: Vec<(NaiveDate, u8, String)> = Vec::new();
    for m in &all {
        let name = name_of(m.organisation_id, &m.name);
        events.push((m.joined_on, 0, tr.a("dir-event-joined", &[("name", &name)])));
        if let Some(left) = m.left_on {
            events.push((left, 1, tr.a("dir-event-left", &[("name", &name)])));
        }
    }
    let mut statuses = Vec::new();
    for s in &c.statuses {
        let st = &s.status;
        let name = status_name(tr, st);
        events.push((
            st.granted_on,
            2,
            tr.a("dir-event-granted", &[("status", &name)]),
        ));
        if let Some(re) = st.recertified_on {
            events.push((re, 3, tr.a("dir-event-recertified", &[("status", &name)])));
        }
        if let Some(until) = st.valid_until.filter(|u| *u < today) {
            events.push((until, 4, tr.a("dir-event-expired", &[("status", &name)])));
        }
        statuses.push(status_item(tr, lang, s));
    }
    events.sort_by_key(|e| (e.0, e.1));

    let profile = c.profile.unwrap_or_default();
    Ok(ClusterView {
        member_count: tr.n("dir-member-count", c.member_count),
        members: all
            .iter()
            .filter(|m| m.left_on.is_none())
            .map(|m| MemberItem {
                org: Link {
                    label: name_of(m.organisation_id, &m.name),
                    href: org_href(m.organisation_id),
                },
                role: tr.t(&format!("dir-role-{}", enum_str(m.role))),
                joined: date(m.joined_on),
            })
            .collect(),
        statuses,
        branches: profile
            .branches
            .iter()
            .map(|code| Link {
                label: nace_label(code, lang),
                href: href("/directory", &[("nace", code)]),
            })
            .collect(),
        regions: profile
            .regions
            .iter()
            .map(|r| region_name(r, lang).unwrap_or_else(|| r.clone()))
            .collect(),
        history: events
            .into_iter()
            .map(|(d, _, text)| Event {
                date: date(d),
                text,
            })
            .collect(),
        members_href: href("/directory", &[("cluster", &id.to_string())]),
    })
}
