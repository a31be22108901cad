//! `SmtpSink`: the server side, its shared state and what tests see of it.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

use super::parsed::ParsedMail;
use crate::mail::one_line;
use crate::smtp::SmtpConfig;

/// The points of the conversation where the sink can be told to refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// `AUTH` (e.g. 535: bad credentials).
    Auth,
    /// `MAIL FROM`.
    Mail,
    /// `RCPT TO` (e.g. 450/451: busy, 550: no such mailbox).
    Rcpt,
    /// The reply after the message data (e.g. 452: out of storage, 554: content refused).
    Data,
}

/// Credentials a client gave with `AUTH PLAIN`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Login {
    pub user: String,
    pub password: String,
}

/// One accepted message: the envelope as the client gave it, and the data as it will be
/// stored (dot-unstuffed, CRLF line ends, without the final ".").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    /// The name the client gave in EHLO or HELO.
    pub helo: String,
    pub login: Option<Login>,
    /// `MAIL FROM` address (empty for the null sender).
    pub mail_from: String,
    /// `RCPT TO` addresses, in order.
    pub rcpt_to: Vec<String>,
    pub data: Vec<u8>,
}

impl ReceivedMail {
    /// Subject, addresses and bodies, decoded.
    pub fn parsed(&self) -> ParsedMail {
        ParsedMail::parse(&self.data)
    }
}

/// The largest message the sink takes (also announced with the SIZE extension).
pub(crate) const MAX_MESSAGE: usize = 16 * 1024 * 1024;

#[derive(Default)]
pub(crate) struct State {
    pub messages: Vec<ReceivedMail>,
    failures: Vec<(Stage, u16, String)>,
    pub connections: usize,
}

impl State {
    /// The reply configured for `stage`, if the test asked for a refusal.
    pub fn failure(&self, stage: Stage) -> Option<String> {
        self.failures
            .iter()
            .find(|(s, _, _)| *s == stage)
            .map(|(_, code, text)| format!("{code} {text}"))
    }
}

pub(crate) struct Shared {
    state: Mutex<State>,
    count: watch::Sender<usize>,
}

impl Shared {
    /// A panic in another test thread must not hide this test's messages, hence no unwrap.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn store(&self, mail: ReceivedMail) {
        let n = {
            let mut state = self.state();
            state.messages.push(mail);
            state.messages.len()
        };
        self.count.send_replace(n);
    }
}

/// A real SMTP server on 127.0.0.1 and a free port, for tests. It speaks enough of RFC 5321
/// for lettre and most clients (EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no
/// TLS), accepts every message unless told to refuse ([`SmtpSink::fail`]), and keeps them in
/// memory. It stops when dropped.
pub struct SmtpSink {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

impl std::fmt::Debug for SmtpSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSink")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl SmtpSink {
    /// Binds 127.0.0.1:0 and starts serving on the current Tokio runtime.
    pub async fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            count: watch::Sender::new(0),
        });
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&shared)));
        Ok(Self { addr, shared, task })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A configuration for [`crate::SmtpMailer`] that sends here: plain text, no credentials,
    /// a 5-second timeout.
    pub fn config(&self, from_address: &str) -> SmtpConfig {
        let mut config = SmtpConfig::plain("127.0.0.1", self.addr.port(), from_address);
        config.timeout_secs = 5;
        config
    }

    /// From now on, answer `stage` with `code` and `text` (a 4xx or a 5xx) instead of
    /// accepting; replaces an earlier refusal of the same stage.
    pub fn fail(&self, stage: Stage, code: u16, text: &str) {
        let mut state = self.shared.state();
        state.failures.retain(|(s, _, _)| *s != stage);
        state.failures.push((stage, code, one_line(text)));
    }

    /// Accept everything again.
    pub fn clear_failures(&self) {
        self.shared.state().failures.clear();
    }

    /// Every message received so far, oldest first.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.shared.state().messages.clone()
    }

    /// How many TCP connections were accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.state().connections
    }

    /// Waits until at least `n` messages arrived or `timeout` passed, and returns all messages
    /// (fewer than `n` on timeout: assert on the length).
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let mut count = self.shared.count.subscribe();
        let _ = tokio::time::timeout(timeout, count.wait_for(|&c| c >= n)).await;
        self.messages()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        // Dropping the accept loop drops its JoinSet, which aborts the open connections.
        self.task.abort();
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                shared.state().connections += 1;
                connections.spawn(super::session::serve(stream, Arc::clone(&shared)));
            }
            // Out of file descriptors and the like: wait instead of spinning.
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
        while connections.try_join_next().is_some() {}
    }
}
