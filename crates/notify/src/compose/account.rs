//! Mails about one's own account: confirming the address, resetting the password, and telling
//! the owner of an address that someone tried to sign up with it again.

use klaster_refdata::Lang;
use serde::{Deserialize, Serialize};

use super::body::{Block, Body};
use super::catalog::Tr;
use super::{Compose, Envelope, Site, finish, greeting};
use crate::mail::{Mail, Recipient};

/// Which account mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountMailKind {
    /// A new account: the link confirms the address.
    Verify,
    /// A password reset was asked for: the link sets a new one.
    Reset,
    /// Someone signed up with an address that has an account: the link resets the password,
    /// in case the owner forgot it.
    AlreadyRegistered,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountMail {
    pub to: Recipient,
    pub lang: Lang,
    pub mail: AccountMailKind,
    /// The path (with its one-use secret) the link opens.
    pub link_path: String,
    /// How long the link works.
    pub valid_hours: u32,
}

impl Compose for AccountMail {
    type Output = Mail;

    fn render(&self, site: &Site, problems: &mut Vec<String>) -> Mail {
        let mut tr = Tr::new(self.lang);
        let key = match self.mail {
            AccountMailKind::Verify => "account-verify",
            AccountMailKind::Reset => "account-reset",
            AccountMailKind::AlreadyRegistered => "account-exists",
        };
        let site_arg = [("site", site.name.as_str().into())];
        let mut body = Body::default();
        greeting(&mut tr, &mut body, &self.to.name);
        body.para(tr.with(&format!("{key}-intro"), &site_arg));
        body.link(tr.get(&format!("{key}-action")), site.url(&self.link_path));
        body.para(tr.with("account-link-valid", &[("count", self.valid_hours.into())]));
        let subject = tr.with(&format!("{key}-subject"), &site_arg);
        let env = Envelope {
            to: &self.to,
            reply_to: None,
            subject,
            list_unsubscribe: None,
            footer: vec![Block::Small(tr.get("account-not-you"))],
        };
        finish(tr, site, body, env, problems)
    }
}
