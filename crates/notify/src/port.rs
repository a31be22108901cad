//! The `Mailer` port.

use std::future::Future;
use std::pin::Pin;

use crate::error::NotifyError;
use crate::mail::Mail;

/// Something that delivers a [`Mail`]. Every failure is classified (see [`NotifyError`]) so the
/// caller's job queue can retry with back-off or give up. Uses async fn in traits (no boxing);
/// where a trait object is needed, use [`DynMailer`].
pub trait Mailer: Send + Sync {
    /// Hands the mail over for delivery; `Ok` once the server accepted it.
    fn send(&self, mail: &Mail) -> impl Future<Output = Result<(), NotifyError>> + Send;
}

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The dyn-compatible twin of [`Mailer`], implemented for every mailer: lets callers keep an
/// `Arc<dyn DynMailer>` (chosen at start-up, or a test double) at the price of one box per
/// mail. Its method has its own name so that having both traits in scope stays unambiguous.
pub trait DynMailer: Send + Sync {
    fn send_boxed<'a>(&'a self, mail: &'a Mail) -> BoxFuture<'a, Result<(), NotifyError>>;
}

impl<T: Mailer> DynMailer for T {
    fn send_boxed<'a>(&'a self, mail: &'a Mail) -> BoxFuture<'a, Result<(), NotifyError>> {
        Box::pin(self.send(mail))
    }
}
