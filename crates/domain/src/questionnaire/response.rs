//! The life of a submitted response: a coordinator accepts it, rejects it with a reason, or asks
//! for changes, after which the firm submits again. The submitted JSON itself is never altered.

use crate::check::{self, MAX_LONG};
use crate::errors::ValidationErrors;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    Submitted,
    Accepted,
    Rejected,
    ChangesRequested,
}

impl ResponseStatus {
    /// Allowed moves: a submitted response is reviewed once; a response sent back for changes
    /// is submitted again. Accepted and rejected are final (a firm that was rejected fills in
    /// a new response, so the old one stays as it was decided).
    pub fn can_transition_to(self, next: ResponseStatus) -> bool {
        use ResponseStatus::*;
        matches!(
            (self, next),
            (Submitted, Accepted)
                | (Submitted, Rejected)
                | (Submitted, ChangesRequested)
                | (ChangesRequested, Submitted)
        )
    }

    pub fn is_final(self) -> bool {
        matches!(self, ResponseStatus::Accepted | ResponseStatus::Rejected)
    }
}

/// A coordinator's decision on a response. JSON: `{"decision":"reject","reason":"..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "decision", rename_all = "snake_case", deny_unknown_fields)]
pub enum ReviewInput {
    Accept,
    Reject { reason: String },
    RequestChanges { message: String },
}

impl ReviewInput {
    /// The status the response gets.
    pub fn target_status(&self) -> ResponseStatus {
        match self {
            ReviewInput::Accept => ResponseStatus::Accepted,
            ReviewInput::Reject { .. } => ResponseStatus::Rejected,
            ReviewInput::RequestChanges { .. } => ResponseStatus::ChangesRequested,
        }
    }

    /// A rejection needs a reason and a request for changes a message, so the firm learns why.
    pub fn validate(self) -> Result<ReviewInput, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let out = match self {
            ReviewInput::Accept => ReviewInput::Accept,
            ReviewInput::Reject { reason } => {
                let reason = reason.trim().to_string();
                check::text("reason", &reason, MAX_LONG, &mut e);
                ReviewInput::Reject { reason }
            }
            ReviewInput::RequestChanges { message } => {
                let message = message.trim().to_string();
                check::text("message", &message, MAX_LONG, &mut e);
                ReviewInput::RequestChanges { message }
            }
        };
        e.into_result(out)
    }

    /// Validates the decision and checks it may be applied to a response in `current` status.
    pub fn apply_to(
        self,
        current: ResponseStatus,
    ) -> Result<(ReviewInput, ResponseStatus), ValidationErrors> {
        let next = self.target_status();
        if !current.can_transition_to(next) {
            return Err(ValidationErrors::single(
                "decision",
                "invalid_transition",
                format!("a response that is {current:?} cannot become {next:?}"),
            ));
        }
        self.validate().map(|r| (r, next))
    }
}
