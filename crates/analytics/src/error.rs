//! One error type for the crate. Input errors carry file, line and column so a user can fix the file.

use std::fmt;

/// Where in an input file a problem was found (1-based line; column by header name when known).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    pub file: String,
    pub line: u64,
    pub column: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(c) = &self.column {
            write!(f, ", column '{c}'")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input data: malformed line, wrong header, non-numeric or negative value, duplicate key.
    #[error("{at}: {message}")]
    Input { at: Location, message: String },
    #[error("cannot read {file}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// Invalid parameters or a request the data cannot answer (unknown region, year not in data).
    #[error("{0}")]
    Param(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn input(
        file: &str,
        line: u64,
        column: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Error::Input {
            at: Location {
                file: file.to_string(),
                line,
                column: column.map(str::to_string),
            },
            message: message.into(),
        }
    }
}
