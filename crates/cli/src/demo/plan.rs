//! Who is a member of which cluster, since when, and which firms work together. Drawn from
//! its own seeded generator, after the firms, so the firms stay the same if this changes.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use klaster_domain::{MembershipRole, RelationKind, SizeClass};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::branches::Branch;
use super::facts::{self, CLUSTERS};
use super::synthetic::{Firm, SEED, pick};

/// The last year generated memberships start in.
const LAST_YEAR: i32 = 2025;

pub struct PlannedMembership {
    pub firm: usize,
    pub cluster: &'static str,
    pub role: MembershipRole,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
}

pub struct PlannedRelation {
    pub from: usize,
    pub to: usize,
    pub kind: RelationKind,
}

pub struct Plan {
    pub memberships: Vec<PlannedMembership>,
    pub relations: Vec<PlannedRelation>,
}

fn percent(rng: &mut ChaCha8Rng, p: u32) -> bool {
    rng.random_range(0..100) < p
}

fn some_day(rng: &mut ChaCha8Rng, year: i32) -> anyhow::Result<NaiveDate> {
    facts::date(year, rng.random_range(1..=12), rng.random_range(1..=28))
}

/// The cluster a firm would join, if any: Podlaskie firms join the cluster of their branch,
/// firms from elsewhere in Poland only the two national (Key National) clusters, Belarusian
/// firms only the clusters that reach across the border.
fn cluster_for(rng: &mut ChaCha8Rng, f: &Firm) -> Option<&'static str> {
    if f.belarusian {
        return match f.branch {
            Branch::Construction
                if matches!(f.region, "BY-BR" | "BY-HR" | "BY-HM") && percent(rng, 35) =>
            {
                Some("wkb")
            }
            Branch::Energy if f.region == "BY-HR" && percent(rng, 40) => Some("eko"),
            _ => None,
        };
    }
    if !f.podlaskie {
        return match f.branch {
            Branch::Metal if percent(rng, 50) => Some("kom"),
            Branch::Construction if percent(rng, 50) => Some("pkb"),
            _ => None,
        };
    }
    if !percent(rng, 85) {
        return None;
    }
    Some(match f.branch {
        Branch::Metal => "kom",
        Branch::Construction => {
            if percent(rng, 50) {
                "pkb"
            } else {
                "wkb"
            }
        }
        Branch::Energy => "eko",
        Branch::It => "infotech",
        Branch::Lingerie => "lingerie",
        Branch::Food => "food",
    })
}

pub fn plan(firms: &[Firm]) -> anyhow::Result<Plan> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED.wrapping_add(1));
    let choices: Vec<Option<&'static str>> =
        firms.iter().map(|f| cluster_for(&mut rng, f)).collect();

    let mut memberships = Vec::new();
    for cluster in CLUSTERS {
        let members: Vec<usize> = (0..firms.len())
            .filter(|&i| choices[i] == Some(cluster.key))
            .collect();
        let founding_day = facts::date(
            cluster.members_since,
            rng.random_range(2..=11),
            rng.random_range(1..=28),
        )?;
        // The coordinator and the founders are Podlaskie firms that existed when it started.
        let eligible = |i: &usize| firms[*i].podlaskie && firms[*i].founded < cluster.members_since;
        let coordinator = members
            .iter()
            .copied()
            .find(|i| eligible(i) && firms[*i].size != SizeClass::Micro)
            .or_else(|| members.first().copied());
        let mut founders = 0;
        for &i in &members {
            let f = &firms[i];
            let (role, joined_on) = if Some(i) == coordinator {
                (
                    MembershipRole::Coordinator,
                    founding_day.max(facts::date(f.founded + 1, 1, 1)?),
                )
            } else if founders < 5 && eligible(&i) && percent(&mut rng, 50) {
                founders += 1;
                (MembershipRole::FoundingMember, founding_day)
            } else {
                let from = cluster.members_since.max(f.founded + 1).min(LAST_YEAR);
                let year = rng.random_range(from..=LAST_YEAR);
                (
                    MembershipRole::Member,
                    some_day(&mut rng, year)?.max(founding_day),
                )
            };
            let left_on = if role != MembershipRole::Coordinator && percent(&mut rng, 6) {
                let year = (joined_on.year() + rng.random_range(1..=4)).min(LAST_YEAR);
                Some(some_day(&mut rng, year)?.max(joined_on))
            } else {
                None
            };
            memberships.push(PlannedMembership {
                firm: i,
                cluster: cluster.key,
                role,
                joined_on,
                left_on,
            });
        }
    }

    let mut relations = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut relate =
        |from: usize, to: usize, kind: RelationKind, out: &mut Vec<PlannedRelation>| {
            if from != to && seen.insert((from.min(to), from.max(to))) {
                out.push(PlannedRelation { from, to, kind });
            }
        };
    // Partners inside each cluster: subcontracting, shared orders, joint projects.
    for cluster in CLUSTERS {
        let members: Vec<usize> = memberships
            .iter()
            .filter(|m| m.cluster == cluster.key && m.left_on.is_none())
            .map(|m| m.firm)
            .collect();
        if members.len() < 2 {
            continue;
        }
        for _ in 0..members.len() / 3 {
            let a = *pick(&mut rng, &members);
            let b = *pick(&mut rng, &members);
            relate(a, b, RelationKind::Partner, &mut relations);
        }
    }
    // Cross-border partners and a few Belarusian subsidiaries of larger Polish firms.
    let polish: Vec<usize> = (0..firms.len()).filter(|&i| !firms[i].belarusian).collect();
    let belarusian: Vec<usize> = (0..firms.len()).filter(|&i| firms[i].belarusian).collect();
    let mut subsidiaries = 0;
    for &b in &belarusian {
        let same_branch: Vec<usize> = polish
            .iter()
            .copied()
            .filter(|&p| firms[p].branch == firms[b].branch)
            .collect();
        if same_branch.is_empty() || !percent(&mut rng, 25) {
            continue;
        }
        let p = *pick(&mut rng, &same_branch);
        let big = matches!(firms[p].size, SizeClass::Medium | SizeClass::Large);
        if big && subsidiaries < 4 && firms[b].founded > firms[p].founded {
            subsidiaries += 1;
            relate(b, p, RelationKind::Subsidiary, &mut relations);
        } else {
            relate(p, b, RelationKind::Partner, &mut relations);
        }
    }
    Ok(Plan {
        memberships,
        relations,
    })
}
