//! A [`Mail`] as a MIME message.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use lettre::Message;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};

use crate::error::{NotifyError, PermanentKind};
use crate::mail::{Mail, one_line};

pub(crate) fn build(mail: &Mail, from: &Mailbox) -> Result<Message, NotifyError> {
    let mut b = Message::builder()
        .from(from.clone())
        .subject(one_line(&mail.subject))
        .message_id(Some(message_id(from.email.domain())))
        .raw_header(raw("Content-Language", mail.lang.code().to_owned()))
        // RFC 3834: tells autoresponders (holiday replies) not to answer a notification.
        .raw_header(raw("Auto-Submitted", "auto-generated".to_owned()));
    for r in &mail.to {
        b = b.to(r.mailbox()?);
    }
    if let Some(r) = &mail.reply_to {
        b = b.reply_to(r.mailbox()?);
    }
    if let Some(url) = mail.list_unsubscribe.as_deref().and_then(header_url) {
        b = b.raw_header(raw("List-Unsubscribe", format!("<{url}>")));
    }
    let built = match &mail.html {
        Some(html) => b.multipart(MultiPart::alternative_plain_html(
            mail.text.clone(),
            html.clone(),
        )),
        None => b.singlepart(SinglePart::plain(mail.text.clone())),
    };
    built.map_err(|e| NotifyError::permanent(PermanentKind::Message, None, e.to_string()))
}

fn raw(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

/// The URL if it can stand between angle brackets in a header; a URL with spaces or non-ASCII
/// characters would be mangled by header encoding, so it is left out rather than sent broken.
fn header_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() < 900
        && url
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'<' && b != b'>');
    if !ok {
        tracing::warn!(url = %crate::mail::shorten(url), "List-Unsubscribe left out: not a plain http(s) URL");
    }
    ok.then_some(url)
}

/// `<time.counter.pid@domain>`: unique without a random number generator; the domain is the
/// sender's, as RFC 5322 recommends, instead of lettre's "localhost".
fn message_id(domain: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("<{nanos:x}.{n:x}.{:x}@{domain}>", std::process::id())
}

#[cfg(test)]
mod tests {
    use klaster_refdata::Lang;

    use super::*;
    use crate::mail::Recipient;

    fn mail() -> Mail {
        Mail {
            to: vec![Recipient::new("Jan Kowalski", "jan@example.org")],
            reply_to: Some(Recipient::new("Anna", "anna@example.org")),
            subject: "Zażółć\r\nBcc: x@example.org".into(),
            text: "Treść".into(),
            html: Some("<p>Treść</p>".into()),
            lang: Lang::Pl,
            list_unsubscribe: Some("https://klaster.example/u/abc".into()),
        }
    }

    #[test]
    fn headers_are_set_and_cannot_be_injected() {
        let from = Recipient::new("Klaster", "no-reply@klaster.example")
            .mailbox()
            .unwrap();
        let m = build(&mail(), &from).unwrap();
        let head = String::from_utf8_lossy(&m.formatted()).into_owned();
        let head = head.split("\r\n\r\n").next().unwrap().to_owned();
        assert!(head.contains("Content-Language: pl\r\n"), "{head}");
        assert!(head.contains("Auto-Submitted: auto-generated\r\n"));
        assert!(head.contains("List-Unsubscribe: <https://klaster.example/u/abc>\r\n"));
        assert!(
            head.contains("@klaster.example>\r\n"),
            "message id domain: {head}"
        );
        assert!(head.contains("multipart/alternative"));
        assert!(!head.contains("\r\nBcc:"), "{head}");
        let envelope: Vec<String> = m.envelope().to().iter().map(|a| a.to_string()).collect();
        assert_eq!(envelope, ["jan@example.org"]);
    }

    #[test]
    fn odd_unsubscribe_urls_are_left_out() {
        let from = Recipient::new("", "a@example.org").mailbox().unwrap();
        for url in [
            "javascript:alert(1)",
            "https://x/a b",
            "https://x/<a>",
            "https://x/ż",
        ] {
            let mut m = mail();
            m.list_unsubscribe = Some(url.into());
            let text = String::from_utf8_lossy(&build(&m, &from).unwrap().formatted()).into_owned();
            assert!(!text.contains("List-Unsubscribe"), "{url}");
        }
    }

    #[test]
    fn message_ids_differ() {
        assert_ne!(message_id("a"), message_id("a"));
    }
}
