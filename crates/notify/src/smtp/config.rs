//! `[mail]` in the portal's TOML configuration.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TlsMode {
    /// Plain text: only for a relay on the same machine or a private network (port 25).
    None,
    /// Upgrade with STARTTLS, and refuse to go on without it (submission, port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (submissions, port 465).
    Tls,
}

impl TlsMode {
    /// The standard port of each mode.
    pub fn default_port(self) -> u16 {
        match self {
            TlsMode::None => 25,
            TlsMode::Starttls => 587,
            TlsMode::Tls => 465,
        }
    }
}

/// The SMTP server to send through, e.g.
///
/// ```toml
/// [mail]
/// host = "smtp.example.org"
/// tls = "starttls"             # none | starttls (default) | tls
/// port = 587                   # default: 25, 587 or 465 after `tls`
/// username = "portal"          # both optional: no AUTH without them
/// password = "secret"
/// from_address = "no-reply@klaster.example.org"
/// from_name = "Klaster"
/// timeout_secs = 60            # the longest one mail may take, connecting included
/// ```
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
    pub from_address: String,
    #[serde(default)]
    pub from_name: Option<String>,
    #[serde(default = "default_timeout_secs")]
    pub timeout_secs: u64,
    #[serde(default)]
    pub tls: TlsMode,
    /// The name we give in EHLO; default: the domain of `from_address`. Relays that check it
    /// refuse "localhost", which is what lettre would say otherwise.
    #[serde(default)]
    pub helo_name: Option<String>,
}

fn default_timeout_secs() -> u64 {
    60
}

impl SmtpConfig {
    /// A plain-text server without authentication (a local relay, or a test sink).
    pub fn plain(host: impl Into<String>, port: u16, from_address: impl Into<String>) -> Self {
        Self {
            host: host.into(),
            port: Some(port),
            username: None,
            password: None,
            from_address: from_address.into(),
            from_name: None,
            timeout_secs: default_timeout_secs(),
            tls: TlsMode::None,
            helo_name: None,
        }
    }

    pub fn effective_port(&self) -> u16 {
        self.port.unwrap_or(self.tls.default_port())
    }

    /// Between 1 s and 10 min, so that neither a typo nor 0 hangs or breaks every send.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs.clamp(1, 600))
    }

    pub fn effective_helo_name(&self) -> String {
        let from_domain = self
            .from_address
            .rsplit_once('@')
            .map(|(_, domain)| domain.trim())
            .filter(|d| !d.is_empty());
        self.helo_name
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .or(from_domain)
            .unwrap_or("localhost")
            .to_owned()
    }
}

// By hand, so that the password never reaches a log.
impl fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("from_address", &self.from_address)
            .field("from_name", &self.from_name)
            .field("timeout_secs", &self.timeout_secs)
            .field("tls", &self.tls)
            .field("helo_name", &self.helo_name)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_mail_section_with_defaults() {
        #[derive(Deserialize)]
        struct App {
            mail: SmtpConfig,
        }
        let app: App = toml::from_str(
            r#"
            [mail]
            host = "smtp.example.org"
            username = "portal"
            password = "s3cret"
            from_address = "no-reply@klaster.example.org"
            from_name = "Klaster"
            "#,
        )
        .unwrap();
        let c = app.mail;
        assert_eq!(c.tls, TlsMode::Starttls, "secure by default");
        assert_eq!(c.effective_port(), 587);
        assert_eq!(c.timeout(), Duration::from_secs(60));
        assert_eq!(c.effective_helo_name(), "klaster.example.org");
        assert!(!format!("{c:?}").contains("s3cret"));

        let c: SmtpConfig = toml::from_str(
            r#"host = "localhost"
               from_address = "x"
               tls = "none"
               timeout_secs = 0
               helo_name = "mx.example.org""#,
        )
        .unwrap();
        assert_eq!(c.effective_port(), 25);
        assert_eq!(c.timeout(), Duration::from_secs(1));
        assert_eq!(c.effective_helo_name(), "mx.example.org");
        let tls: SmtpConfig =
            toml::from_str("host = \"h\"\nfrom_address = \"a@b\"\ntls = \"tls\"").unwrap();
        assert_eq!(tls.effective_port(), 465);
    }

    #[test]
    fn typos_are_errors() {
        assert!(
            toml::from_str::<SmtpConfig>("host = \"h\"\nfrom_address = \"a@b\"\nprot = 25")
                .is_err()
        );
        assert!(
            toml::from_str::<SmtpConfig>("host = \"h\"\nfrom_address = \"a@b\"\ntls = \"ssl\"")
                .is_err()
        );
    }
}
