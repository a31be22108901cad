//! Who may change what. Pure functions over the principal's roles and the facts about the
//! target that the caller looked up (which clusters an organisation belongs to...).
//!
//! A cluster is identified by the id of its cluster organisation.

use serde::{Deserialize, Serialize};

/// One role of a principal. A user may hold several (e.g. member of two organisations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Role {
    /// Runs the platform: may do everything.
    Admin,
    /// Coordinates the cluster whose cluster organisation has id `cluster_id`.
    Coordinator { cluster_id: i64 },
    /// Works for organisation `org_id`; `org_admin` may edit its profile and agreements.
    OrgMember { org_id: i64, org_admin: bool },
    /// Reviews and edits translations of user content.
    Translator,
    /// Signed in, no special rights: may read the public directory.
    Visitor,
}

/// Who is asking: the roles of one signed-in user or API token.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Principal {
    pub roles: Vec<Role>,
}

impl Principal {
    pub fn new(roles: Vec<Role>) -> Self {
        Self { roles }
    }

    pub fn is_admin(&self) -> bool {
        self.roles.contains(&Role::Admin)
    }

    pub fn coordinates(&self, cluster_id: i64) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, Role::Coordinator { cluster_id: c } if *c == cluster_id))
    }

    fn coordinates_any(&self, cluster_ids: &[i64]) -> bool {
        cluster_ids.iter().any(|c| self.coordinates(*c))
    }

    fn is_coordinator(&self) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, Role::Coordinator { .. }))
    }

    pub fn is_member_of(&self, org_id: i64) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, Role::OrgMember { org_id: o, .. } if *o == org_id))
    }

    pub fn is_org_admin_of(&self, org_id: i64) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, Role::OrgMember { org_id: o, org_admin: true } if *o == org_id))
    }

    /// Add a new organisation to the directory directly (firms themselves come in through the
    /// questionnaire).
    pub fn may_create_organisation(&self) -> bool {
        self.is_admin() || self.is_coordinator()
    }

    /// Edit the profile of `org_id`, which is a member of `member_of` clusters (current
    /// memberships). A coordinator looks after the profiles of the cluster's members and of the
    /// cluster organisation itself.
    pub fn may_edit_organisation(&self, org_id: i64, member_of: &[i64]) -> bool {
        self.is_admin()
            || self.is_org_admin_of(org_id)
            || self.coordinates(org_id)
            || self.coordinates_any(member_of)
    }

    /// See the contacts' personal data of `org_id`: its own people, its clusters' coordinators.
    pub fn may_view_personal_data(&self, org_id: i64, member_of: &[i64]) -> bool {
        self.is_admin()
            || self.is_member_of(org_id)
            || self.coordinates(org_id)
            || self.coordinates_any(member_of)
    }

    /// Add or end memberships, set roles, change the branches and regions of `cluster_id`.
    pub fn may_manage_cluster_members(&self, cluster_id: i64) -> bool {
        self.is_admin() || self.coordinates(cluster_id)
    }

    /// Record statuses such as Key National Cluster: granted by an authority, recorded (with
    /// the grant, recertifications and who granted them) by an admin or by the cluster's own
    /// coordinator, who applies for them; every change shows in the cluster's history.
    pub fn may_manage_cluster_statuses(&self, cluster_id: i64) -> bool {
        self.is_admin() || self.coordinates(cluster_id)
    }

    /// Review questionnaire responses addressed to `cluster_id`, or, with `None`, responses to
    /// the directory at large.
    pub fn may_review_responses(&self, cluster_id: Option<i64>) -> bool {
        match cluster_id {
            Some(c) => self.is_admin() || self.coordinates(c),
            None => self.is_admin(),
        }
    }

    /// Register or edit an agreement between `party_ids`: an admin, an administrator of one of
    /// the parties, or the coordinator of a cluster that is a party or to which a party belongs
    /// (`party_clusters`).
    pub fn may_manage_agreement(&self, party_ids: &[i64], party_clusters: &[i64]) -> bool {
        self.is_admin()
            || party_ids
                .iter()
                .any(|p| self.is_org_admin_of(*p) || self.coordinates(*p))
            || self.coordinates_any(party_clusters)
    }

    /// Relate two organisations (partner, parent, subsidiary): an admin, or whoever may edit
    /// the first of them.
    pub fn may_manage_relation(&self, from_id: i64, from_member_of: &[i64]) -> bool {
        self.may_edit_organisation(from_id, from_member_of)
    }

    /// Correct or approve translations of user content.
    pub fn may_translate(&self) -> bool {
        self.is_admin() || self.roles.contains(&Role::Translator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(roles: &[Role]) -> Principal {
        Principal::new(roles.to_vec())
    }

    #[test]
    fn organisation_editing() {
        let coordinator = p(&[Role::Coordinator { cluster_id: 10 }]);
        let owner = p(&[Role::OrgMember {
            org_id: 5,
            org_admin: true,
        }]);
        let employee = p(&[Role::OrgMember {
            org_id: 5,
            org_admin: false,
        }]);
        assert!(p(&[Role::Admin]).may_edit_organisation(5, &[]));
        assert!(coordinator.may_edit_organisation(5, &[10]));
        assert!(coordinator.may_edit_organisation(10, &[]));
        assert!(!coordinator.may_edit_organisation(5, &[11]));
        assert!(owner.may_edit_organisation(5, &[]) && !owner.may_edit_organisation(6, &[]));
        assert!(!employee.may_edit_organisation(5, &[]));
        assert!(employee.may_view_personal_data(5, &[]));
        assert!(!p(&[Role::Visitor, Role::Translator]).may_edit_organisation(5, &[10]));
        assert!(coordinator.may_create_organisation() && !owner.may_create_organisation());
    }

    #[test]
    fn clusters_responses_agreements() {
        let coordinator = p(&[Role::Coordinator { cluster_id: 10 }]);
        assert!(
            coordinator.may_manage_cluster_members(10)
                && !coordinator.may_manage_cluster_members(11)
        );
        assert!(
            coordinator.may_manage_cluster_statuses(10)
                && !coordinator.may_manage_cluster_statuses(11)
        );
        let owner = p(&[Role::OrgMember {
            org_id: 10,
            org_admin: true,
        }]);
        assert!(
            !owner.may_manage_cluster_statuses(10),
            "the cluster organisation's own staff are not its coordinators"
        );
        assert!(coordinator.may_review_responses(Some(10)));
        assert!(
            !coordinator.may_review_responses(Some(11)) && !coordinator.may_review_responses(None)
        );
        assert!(p(&[Role::Admin]).may_review_responses(None));

        let owner = p(&[Role::OrgMember {
            org_id: 5,
            org_admin: true,
        }]);
        assert!(owner.may_manage_agreement(&[5, 7], &[]));
        assert!(!owner.may_manage_agreement(&[6, 7], &[]));
        assert!(coordinator.may_manage_agreement(&[6, 7], &[10]));
        assert!(coordinator.may_manage_agreement(&[10, 7], &[]));
        assert!(!p(&[Role::Translator]).may_manage_agreement(&[6, 7], &[10]));
        assert!(p(&[Role::Translator]).may_translate() && !owner.may_translate());
    }

    #[test]
    fn roles_serialise_tagged() {
        let json = serde_json::to_string(&Role::OrgMember {
            org_id: 3,
            org_admin: true,
        })
        .unwrap_or_default();
        assert_eq!(json, r#"{"role":"org_member","org_id":3,"org_admin":true}"#);
        let back: Result<Role, _> =
            serde_json::from_str(r#"{"role":"coordinator","cluster_id":9}"#);
        assert_eq!(back.ok(), Some(Role::Coordinator { cluster_id: 9 }));
    }
}
