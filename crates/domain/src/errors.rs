//! Field-level validation errors, collected in one pass so a form can show them all at once.

use serde::Serialize;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// JSON path of the offending field, e.g. `legal_ids[0].value` or `answers.company.nip`.
    pub field: String,
    /// Stable machine-readable code (`required`, `too_long`, `nip_checksum`, `unknown_nace`...).
    /// Clients translate on this code, so never rename one.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub code: &'static str,
    /// English explanation for logs and API clients.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.field, self.message, self.code)
    }
}

/// All the field errors found in one input. Never empty when returned as an `Err`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// A single error, for callers that check one thing.
    pub fn single(
        field: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self(vec![FieldError::new(field, code, message)])
    }

    pub fn add(
        &mut self,
        field: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) {
        self.0.push(FieldError::new(field, code, message));
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// Takes over the errors of a nested input, prefixing their paths (`contacts[2]` + `email`).
    pub fn extend_nested(&mut self, prefix: &str, other: ValidationErrors) {
        for mut e in other.0 {
            e.field = join_path(prefix, &e.field);
            self.0.push(e);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }

    /// True if some error sits on `field` with `code`; handy in tests and in the web layer.
    pub fn has(&self, field: &str, code: &str) -> bool {
        self.0.iter().any(|e| e.field == field && e.code == code)
    }

    /// `Ok(value)` when nothing was found, else `Err(self)`.
    pub fn into_result<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} invalid field(s)", self.0.len())?;
        for e in &self.0 {
            write!(f, "; {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Joins JSON path segments: `("a", "b")` -> `a.b`, `("a", "[0].b")` -> `a[0].b`, `("", "b")` -> `b`.
pub(crate) fn join_path(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_string()
    } else if field.is_empty() {
        prefix.to_string()
    } else if field.starts_with('[') {
        format!("{prefix}{field}")
    } else {
        format!("{prefix}.{field}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_paths_are_joined() {
        let mut inner = ValidationErrors::new();
        inner.add("email", "invalid_email", "bad");
        inner.add("[1]", "required", "missing");
        let mut outer = ValidationErrors::new();
        outer.extend_nested("contacts[2]", inner);
        assert!(outer.has("contacts[2].email", "invalid_email"));
        assert!(outer.has("contacts[2][1]", "required"));
        assert_eq!(outer.len(), 2);
    }

    #[test]
    fn into_result_distinguishes_empty() {
        assert_eq!(ValidationErrors::new().into_result(5), Ok(5));
        let errs = ValidationErrors::single("x", "required", "x is required");
        assert!(errs.clone().into_result(5).is_err());
        assert!(errs.to_string().contains("x is required"));
    }
}
