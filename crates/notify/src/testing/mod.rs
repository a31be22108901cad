//! Test support for this crate and for the crates that send mail through it (feature
//! `testing`): [`SmtpSink`], a real SMTP server on 127.0.0.1 that keeps what it receives, and
//! [`ParsedMail`], the decoded view of a received message for assertions.
//!
//! ```no_run
//! # async fn example() {
//! use std::time::Duration;
//! use klaster_notify::testing::{SmtpSink, Stage};
//! use klaster_notify::{Mailer, SmtpMailer};
//!
//! let sink = SmtpSink::start().await.expect("a free port");
//! let mailer = SmtpMailer::new(&sink.config("no-reply@klaster.test")).unwrap();
//! // ... code under test sends through `mailer` ...
//! let received = sink.wait_for(1, Duration::from_secs(5)).await;
//! assert_eq!(received.len(), 1);
//! let mail = received[0].parsed();
//! assert_eq!(mail.subject.as_deref(), Some("[Klaster] ..."));
//! sink.fail(Stage::Rcpt, 451, "4.3.0 try again later"); // what a busy relay says
//! # }
//! ```

mod catalogue;
mod parsed;
mod session;
mod sink;

pub use catalogue::catalogue_ids;
pub use parsed::{MailAddr, ParsedMail};
pub use sink::{Login, ReceivedMail, SmtpSink, Stage};
