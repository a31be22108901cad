//! The life of an offer: draft -> submitted -> published (after a coordinator's review, where
//! the cluster asks for one) -> expired (by its deadline) or closed (fulfilled or withdrawn).

use serde::{Deserialize, Serialize};

use crate::errors::ValidationErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    Draft,
    /// Waiting for a coordinator's review.
    Submitted,
    Published,
    Expired,
    Closed,
}

/// Why an offer was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum CloseReason {
    /// The partner was found (its organisation id, when it is in the directory).
    Fulfilled {
        partner_id: Option<i64>,
    },
    Withdrawn,
}

/// A step asked of an offer. JSON: `{"action": "publish"}`, `{"action": "close", "reason": ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Transition {
    /// The author sends the draft out: for review where the cluster wants one, else straight
    /// to publication.
    Submit,
    /// A coordinator approves a submitted offer, or the author renews an expired one.
    Publish,
    /// A coordinator sends a submitted offer back, saying why.
    ReturnToDraft {
        message: String,
    },
    /// The deadline passed (done by the platform).
    Expire,
    Close {
        close: CloseReason,
    },
}

impl OfferStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Published => "published",
            Self::Expired => "expired",
            Self::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<OfferStatus> {
        [
            Self::Draft,
            Self::Submitted,
            Self::Published,
            Self::Expired,
            Self::Closed,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }

    /// The status `t` leads to from this one; `requires_review` is the owner's cluster policy.
    pub fn apply(
        self,
        t: &Transition,
        requires_review: bool,
    ) -> Result<OfferStatus, ValidationErrors> {
        use OfferStatus::*;
        let next = match (self, t) {
            (Draft, Transition::Submit) => Some(if requires_review {
                Submitted
            } else {
                Published
            }),
            (Submitted, Transition::Publish) | (Expired, Transition::Publish) => Some(Published),
            (Submitted, Transition::ReturnToDraft { message }) => {
                if message.trim().is_empty() {
                    return Err(ValidationErrors::single(
                        "message",
                        "required",
                        "say what should change",
                    ));
                }
                Some(Draft)
            }
            (Published, Transition::Expire) => Some(Expired),
            (Draft | Submitted | Published | Expired, Transition::Close { .. }) => Some(Closed),
            _ => None,
        };
        next.ok_or_else(|| {
            ValidationErrors::single(
                "action",
                "invalid_transition",
                format!(
                    "an offer that is {} cannot {}",
                    self.as_str(),
                    action_name(t)
                ),
            )
        })
    }

    /// Whether others can see and answer it.
    pub fn is_live(self) -> bool {
        self == OfferStatus::Published
    }
}

fn action_name(t: &Transition) -> &'static str {
    match t {
        Transition::Submit => "be submitted",
        Transition::Publish => "be published",
        Transition::ReturnToDraft { .. } => "be returned to draft",
        Transition::Expire => "expire",
        Transition::Close { .. } => "be closed",
    }
}
